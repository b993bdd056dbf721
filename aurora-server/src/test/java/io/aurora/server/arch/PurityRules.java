package io.aurora.server.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.SYNCHRONIZED;
import static com.tngtech.archunit.lang.conditions.ArchConditions.accessTargetWhere;
import static com.tngtech.archunit.lang.conditions.ArchConditions.dependOnClassesThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What "pure" means for a package: a deterministic function of its arguments. It does no IO, starts
 * or waits on no threads, reads no clock, draws no random numbers and takes no locks; whatever it
 * needs of these is injected by a runtime class elsewhere ({@code ReplicaLoop}, the scheduling
 * runtime).
 *
 * <p>The rules read bytecode, so they see what the old import scanners missed (fully qualified
 * names, same-package helpers, method references such as {@code UUID::randomUUID}) and ignore
 * what they tripped over (prose in comments).
 *
 * <p>{@code synchronized}: a synchronized <em>method</em> carries a modifier that ArchUnit reads. A
 * synchronized <em>block</em> compiles to {@code monitorenter}/{@code monitorexit} instructions,
 * which ArchUnit does not import (it sees calls, field accesses, references and try/catch blocks,
 * not the instructions themselves), so blocks are not checked here. What it can see is checked:
 * the modifier, {@code Object.wait}/{@code notify}/{@code notifyAll} (which only make sense under a
 * monitor), and every lock type in {@code java.util.concurrent}.
 */
final class PurityRules {
  private PurityRules() {}

  /**
   * Placement, resources, the task state machine with its rules, job update decisions, and cron
   * schedules and collision decisions.
   */
  private static final String[] SCHEDULING_CORES = {
    "io.aurora.scheduling.assign..",
    "io.aurora.scheduling.cron..",
    "io.aurora.scheduling.filter..",
    "io.aurora.scheduling.rank..",
    "io.aurora.scheduling.resources..",
    "io.aurora.scheduling.sla..",
    "io.aurora.scheduling.state..",
    "io.aurora.scheduling.update..",
    "io.aurora.scheduling.preempt..",
  };

  /** The packages whose classes must be pure (each with its sub-packages). */
  private static final String[] PURE_PACKAGES = Stream.concat(Stream.of(
          // aurora-api's helpers; the generated io.aurora.gen beside them is not checked.
          "io.aurora.api..",
          // The Paxos core of the log and its quorum math.
          "io.aurora.log.core.."),
      Stream.of(SCHEDULING_CORES)).toArray(String[]::new);

  private static final DescribedPredicate<JavaClass> IO =
      resideInAnyPackage("java.io..", "java.nio..", "java.net..")
          .as("IO (java.io, java.nio, java.net)");

  // Types are named, not matched by supertype: archunit.properties keeps classes outside
  // io.aurora unresolved (fast), so a JDK subclass would not know its parent.
  private static final DescribedPredicate<JavaClass> THREADS =
      resideInAnyPackage("java.util.concurrent..", "com.google.common.util.concurrent..")
          .or(type("java.lang.Thread", "java.lang.ThreadGroup", "java.lang.ThreadLocal",
              "java.lang.InheritableThreadLocal", "java.util.Timer", "java.util.TimerTask"))
          .as("threads, executors or concurrency (java.util.concurrent, Guava's, Thread, Timer)");

  private static final DescribedPredicate<JavaClass> CLOCKS =
      type("java.time.Clock", "java.time.InstantSource")
          .as("a clock (java.time.Clock, InstantSource)");

  private static final DescribedPredicate<JavaClass> RANDOM_SOURCES =
      type("java.util.Random", "java.security.SecureRandom",
              "java.util.concurrent.ThreadLocalRandom", "java.util.SplittableRandom")
          .or(resideInAnyPackage("java.util.random.."))
          .as("a random source (Random, SecureRandom, ThreadLocalRandom, RandomGenerator)");

  /** Static calls that read the clock or draw a random number, however they are written. */
  private static final DescribedPredicate<AccessTarget> READS_CLOCK_OR_RANDOMNESS = describe(
      "reads a clock or draws a random number (System.currentTimeMillis/nanoTime, java.time *.now,"
          + " new Date(), Math.random, UUID.randomUUID)",
      target -> {
        String owner = target.getOwner().getName();
        String name = target.getName();
        return (owner.equals("java.lang.System")
                && Set.of("currentTimeMillis", "nanoTime").contains(name))
            || (owner.startsWith("java.time.") && name.equals("now"))
            || target.getFullName().equals("java.util.Date.<init>()")
            || (Set.of("java.lang.Math", "java.lang.StrictMath").contains(owner)
                && name.equals("random"))
            || (owner.equals("java.util.UUID") && name.equals("randomUUID"));
      });

  /** Object's monitor methods: waiting blocks a thread, and all three need a monitor held. */
  private static final DescribedPredicate<AccessTarget> USES_A_MONITOR = describe(
      "waits on or notifies a monitor (Object.wait/notify/notifyAll)",
      target -> target.getOwner().getName().equals("java.lang.Object")
          && Set.of("wait", "notify", "notifyAll").contains(target.getName()));

  @ArchTest
  static final ArchRule pureCores_doNoIo = doNoIo(PURE_PACKAGES);

  @ArchTest
  static final ArchRule pureCores_useNoThreadsOrLocks = useNoThreadsOrLocks(PURE_PACKAGES);

  @ArchTest
  static final ArchRule pureCores_readNoClock = readNoClock(PURE_PACKAGES);

  @ArchTest
  static final ArchRule pureCores_holdNoRandomSource = holdNoRandomSource(PURE_PACKAGES);

  @ArchTest
  static final ArchRule pureCores_callNoClockOrRandomness =
      callNoClockOrRandomness(PURE_PACKAGES);

  @ArchTest
  static final ArchRule pureCores_haveNoSynchronizedMethods =
      haveNoSynchronizedMethods(PURE_PACKAGES);

  /** The log's core counts ticks; the runtime decides how long a tick lasts. */
  @ArchTest
  static final ArchRule logCore_usesNoTime = noClasses()
      .that().resideInAPackage("io.aurora.log.core..")
      .should().dependOnClassesThat().resideInAPackage("java.time..");

  /** The scheduling cores take values in and give values out; the runtime does the rest. */
  @ArchTest
  static final ArchRule schedulingCores_useNoStorageRuntimeOrMesosBoundary = noClasses()
      .that().resideInAnyPackage(SCHEDULING_CORES)
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.aurora.storage..", "io.aurora.scheduling.runtime..", "io.aurora.scheduling.mesos..");

  // One factory per rule, so that PurityRulesTest can show each catches what it should.

  static ArchRule doNoIo(String... packages) {
    return pure(packages).should(dependOn(IO));
  }

  static ArchRule useNoThreadsOrLocks(String... packages) {
    return pure(packages).should(dependOn(THREADS)).orShould(access(USES_A_MONITOR));
  }

  static ArchRule readNoClock(String... packages) {
    return pure(packages).should(dependOn(CLOCKS));
  }

  static ArchRule holdNoRandomSource(String... packages) {
    return pure(packages).should(dependOn(RANDOM_SOURCES));
  }

  static ArchRule callNoClockOrRandomness(String... packages) {
    return pure(packages).should(access(READS_CLOCK_OR_RANDOMNESS));
  }

  static ArchRule haveNoSynchronizedMethods(String... packages) {
    return methods()
        .that().areDeclaredInClassesThat().resideInAnyPackage(packages)
        .should().notHaveModifier(SYNCHRONIZED)
        .because("pure code takes no locks (ArchUnit cannot see synchronized blocks; see"
            + " PurityRules)");
  }

  private static GivenClassesConjunction pure(String... packages) {
    return noClasses().that().resideInAnyPackage(packages);
  }

  private static DescribedPredicate<JavaClass> type(String... names) {
    Set<String> set = Set.of(names);
    return describe(String.join(", ", names), type -> set.contains(type.getName()));
  }

  private static ArchCondition<JavaClass> dependOn(DescribedPredicate<JavaClass> types) {
    return dependOnClassesThat(types);
  }

  private static ArchCondition<JavaClass> access(DescribedPredicate<AccessTarget> target) {
    return accessTargetWhere(describe(target.getDescription(),
        (JavaAccess<?> access) -> target.test(access.getTarget())));
  }
}
