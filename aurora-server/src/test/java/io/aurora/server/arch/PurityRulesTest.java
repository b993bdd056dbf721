package io.aurora.server.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.aurora.server.arch.impure.ImpureFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each purity rule sees the impurity it names, however it is written (ImpureFixture). */
class PurityRulesTest {
  private static final String FIXTURE = "io.aurora.server.arch.impure..";
  private static final JavaClasses CLASSES = new ClassFileImporter().importClasses(
      ImpureFixture.class);

  @Test
  void io_isSeen() {
    assertThat(violations(PurityRules.doNoIo(FIXTURE))).anyMatch(v -> v.contains("java.io.File"));
  }

  @Test
  void executorsAndMonitorWaits_areSeen() {
    List<String> found = violations(PurityRules.useNoThreadsOrLocks(FIXTURE));
    assertThat(found).anyMatch(v -> v.contains("java.util.concurrent.Executors"));
    assertThat(found).anyMatch(v -> v.contains("java.lang.Object.wait()"));
  }

  @Test
  void clocks_areSeen() {
    assertThat(violations(PurityRules.readNoClock(FIXTURE)))
        .anyMatch(v -> v.contains("java.time.Clock"));
    assertThat(violations(PurityRules.callNoClockOrRandomness(FIXTURE)))
        .anyMatch(v -> v.contains("java.lang.System.nanoTime()"))
        .anyMatch(v -> v.contains("java.time.LocalDateTime.now()"));
  }

  @Test
  void randomness_isSeen_evenAsAMethodReference() {
    assertThat(violations(PurityRules.holdNoRandomSource(FIXTURE)))
        .anyMatch(v -> v.contains("java.util.Random"));
    assertThat(violations(PurityRules.callNoClockOrRandomness(FIXTURE)))
        .anyMatch(v -> v.contains("references method <java.util.UUID.randomUUID()>"));
  }

  @Test
  void synchronizedMethods_areSeen() {
    assertThat(violations(PurityRules.haveNoSynchronizedMethods(FIXTURE)))
        .singleElement().asString().contains("ImpureFixture.locked()");
  }

  private static List<String> violations(ArchRule rule) {
    return rule.evaluate(CLASSES).getFailureReport().getDetails();
  }
}
