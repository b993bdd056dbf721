package io.aurora.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What a package's package-info says it must not use, for the packages that say so (beyond the
 * module arrows and the pure cores). When a package-info gains or drops such a sentence, this
 * class follows.
 */
final class PackageInfoRules {
  private PackageInfoRules() {}

  /** aurora-log's public API stands on its own: the log's machinery implements it. */
  @ArchTest
  static final ArchRule logApi_usesNoLogInternals = noClasses()
      .that().resideInAPackage("io.aurora.log")
      .should().dependOnClassesThat().resideInAnyPackage("io.aurora.log.core..",
          "io.aurora.log.storage..", "io.aurora.log.transport..", "io.aurora.log.runtime..");

  /** The log's IO building blocks know nothing of Paxos nor of each other. */
  @ArchTest
  static final ArchRule logStorage_isIndependent = noClasses()
      .that().resideInAPackage("io.aurora.log.storage..")
      .should().dependOnClassesThat().resideInAnyPackage("io.aurora.log.core..",
          "io.aurora.log.runtime..", "io.aurora.log.transport..", "io.aurora.log.discovery..",
          "org.apache.curator..", "org.apache.zookeeper..");

  @ArchTest
  static final ArchRule logTransport_isIndependent = noClasses()
      .that().resideInAPackage("io.aurora.log.transport..")
      .should().dependOnClassesThat().resideInAnyPackage("io.aurora.log.core..",
          "io.aurora.log.runtime..", "io.aurora.log.storage..", "io.aurora.log.discovery..",
          "org.apache.curator..", "org.apache.zookeeper..");

  /** Discovery uses only PeerAddress of the transport; ZooKeeper lives in one class. */
  @ArchTest
  static final ArchRule logDiscovery_isIndependent = noClasses()
      .that().resideInAPackage("io.aurora.log.discovery..")
      .should().dependOnClassesThat().resideInAnyPackage("io.aurora.log.core..",
          "io.aurora.log.runtime..", "io.aurora.log.storage..");

  @ArchTest
  static final ArchRule logDiscovery_keepsZooKeeperInOneClass = noClasses()
      .that().resideInAPackage("io.aurora.log.discovery..")
      .and().haveNameNotMatching("io\\.aurora\\.log\\.discovery\\.ZooKeeperReplicaGroup(\\$.*)?")
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.curator..",
          "org.apache.zookeeper..");

  /** The Mesos boundary is two interfaces; the HTTP client is in mesos.http. */
  @ArchTest
  static final ArchRule mesosBoundary_doesNoIo = noClasses()
      .that().resideInAnyPackage(
          "io.aurora.scheduling.mesos", "io.aurora.scheduling.mesos.recordio..")
      .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..",
          "io.undertow..", "java.util.concurrent..");

  /** Admin pages read injected hooks; the redirect learns the leader from a LeaderLocator. */
  @ArchTest
  static final ArchRule httpAdminAndRedirect_knowNoSchedulerNorZooKeeper = noClasses()
      .that().resideInAnyPackage("io.aurora.http.admin..", "io.aurora.http.redirect..")
      .should().dependOnClassesThat().resideInAnyPackage("io.aurora.scheduling..",
          "io.aurora.storage..", "org.apache.curator..", "org.apache.zookeeper..");

  /** bin/aurora talks only to /api: no scheduler internals. */
  @ArchTest
  static final ArchRule client_usesNoSchedulerInternals = noClasses()
      .that().resideInAPackage("io.aurora.server.client..")
      .should().dependOnClassesThat().resideInAnyPackage("io.aurora.log..", "io.aurora.storage..",
          "io.aurora.scheduling..", "io.aurora.http..");

  /** Benchmark code is used by nothing but benchmarks. */
  @ArchTest
  static final ArchRule bench_isUsedOnlyByBenchmarks = noClasses()
      .that().resideOutsideOfPackage("io.aurora.server.bench..")
      .should().dependOnClassesThat().resideInAPackage("io.aurora.server.bench..");
}
