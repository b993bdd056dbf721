package io.aurora.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;

/**
 * Code whose timeouts must survive a stepped wall clock (docs/deploying.md, "Troubleshooting":
 * a replica's clock jumps) measures time only monotonically: the replicated log runs on ticks of
 * a scheduled executor and {@code System.nanoTime}, and the leader's deadlines on a Guava {@code
 * Ticker}. None of them may read the wall clock, or a clock stepped back an hour would hold a
 * write's timeout, an election or a step-down for an hour.
 */
final class MonotonicTimeRules {
  private MonotonicTimeRules() {}

  @ArchTest
  static final ArchRule theLogAndLeaderDeadlines_neverReadTheWallClock = noClasses()
      .that().resideInAPackage("io.aurora.log..")
      .or().haveFullyQualifiedName("io.aurora.server.app.LeaderTerm")
      .should().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(Instant.class, "now")
      .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
      .because("a stepped wall clock must not stretch or cut a timeout (monotonic time only)");
}
