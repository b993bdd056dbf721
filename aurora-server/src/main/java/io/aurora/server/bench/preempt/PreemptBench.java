package io.aurora.server.bench.preempt;

import io.aurora.server.bench.ReplicaFlags;
import io.aurora.api.TaskQueries;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.http.HttpDriver;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
import io.aurora.scheduling.preemptor.PreemptionOptions;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.runtime.StatusUpdateBatcher;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.scheduling.thrift.TierSettings;
import io.aurora.server.bench.Await;
import io.aurora.server.bench.Bench;
import io.aurora.server.bench.JsonLine;
import io.aurora.server.bench.ScratchDir;
import io.aurora.server.bench.log.LeadingStorage;
import io.aurora.server.bench.log.LogCluster;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-bench preempt}: {@code -agents} simulated agents of 4 CPUs and 4 GB are filled
 * with preemptible tasks of 1 CPU and 1 GB (executor share included), four to an agent. Then
 * {@code -groups} production jobs of {@code -tasks_per_group} tasks of 2 CPUs and 2 GB each are
 * created: none fits anywhere until two preemptible tasks go from an agent. Measured: the time
 * of each preemption slot search round that had pending groups (p50, p99), the time from the
 * first production job's creation until every production task runs, and the victims preempted
 * (the fewest possible is two per production task).
 *
 * <p>The scheduler runs in this JVM over a durable {@code -replicas}-replica log with the
 * preemptor's delays shortened ({@code -preemption_delay} 1 s, the search every
 * {@code -search_interval_ms}), so that what is timed is the preemptor and the scheduling around
 * it, not Aurora's minutes of waiting.
 */
public final class PreemptBench implements Bench {
  private static final Duration TIMEOUT = Duration.ofMinutes(20);
  private static final String ROLE = "bench";
  private static final String FILLER_ROLE = "filler";
  private static final String AGENT_RESOURCES =
      "cpus:4;mem:4096;disk:1000000;ports:[31000-32000]";
  /** Tasks of the filler per job: Aurora's default -max_tasks_per_job. */
  private static final int FILLER_JOB_SIZE = 4000;

  /** Flags of the preemption benchmark. */
  static final class Flags {
    @Mixin ReplicaFlags cluster = new ReplicaFlags();

    @Option(names = "-agents", defaultValue = "10000", description = "Simulated agents.")
    int agents;

    @Option(names = "-groups", defaultValue = "100", description = "Production jobs (task groups).")
    int groups;

    @Option(names = "-tasks_per_group", defaultValue = "10",
        description = "Tasks of each production job.")
    int tasksPerGroup;

    @Option(names = "-search_interval_ms", defaultValue = "1000",
        description = "-preemption_slot_search_interval of the scheduler, in ms.")
    int searchIntervalMs;

    @Option(names = "-batch_size", defaultValue = "5",
        description = "-preemption_reservation_max_batch_size of the scheduler.")
    int batchSize;



  }

  @Override
  public String name() {
    return "preempt";
  }

  @Override
  public String description() {
    return "1,000 production tasks preempting their way onto 10,000 agents full of preemptible ones.";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Flags flags = new Flags();
    OptionalInt exit = parseFlags(flags, "Usage: aurora-bench preempt [-agents=10000]"
        + " [-groups=100] [-tasks_per_group=10] [-search_interval_ms=1000] [-batch_size=5]"
        + " [-replicas=3] [-dir=<path>]", () -> validate(flags), args, out, err);
    if (exit.isPresent()) {
      return exit.getAsInt();
    }
    ScratchDir.run(flags.cluster.dir, name(), err, root -> measure(flags, root, out, err));
    return 0;
  }

  private static Optional<String> validate(Flags flags) {
    if (flags.agents < 1 || flags.groups < 1 || flags.tasksPerGroup < 1) {
      return Optional.of("-agents, -groups and -tasks_per_group must be at least 1");
    }
    if ((long) flags.groups * flags.tasksPerGroup * 2 > flags.agents * 4L) {
      return Optional.of("the production tasks need more than the agents hold: at most "
          + flags.agents * 2 + " tasks for " + flags.agents + " agents");
    }
    if (flags.searchIntervalMs < 1 || flags.batchSize < 1) {
      return Optional.of("-search_interval_ms and -batch_size must be at least 1");
    }
    Optional<String> cluster = flags.cluster.validate();
    if (cluster.isPresent()) {
      return cluster;
    }
    return Optional.empty();
  }

  private void measure(Flags flags, Path root, PrintStream out, PrintStream progress)
      throws Exception {
    progress.printf("preempt: starting a %d-replica log and the embedded master with %d simulated"
        + " agents in %s%n", flags.cluster.replicas, flags.agents, root);
    LocalMesosOptions options = LocalMesosOptions.simulatedOnly(flags.agents,
        Files.createDirectories(root.resolve("mesos")), AGENT_RESOURCES);
    ScheduledExecutorService driverThread = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    ExecutorService background =
        Executors.newFixedThreadPool(StatusUpdateBatcher.DEFAULT_IN_FLIGHT);
    List<String> jvmOptions = LogCluster.jvmOptions(flags.cluster.replicaJvmOpts);
    try (LogCluster cluster = LogCluster.withFollowerProcesses(root.resolve("log"), flags.cluster.replicas,
            flags.cluster.replicas / 2 + 1, jvmOptions);
        LocalMesos mesos = LocalMesos.start(options, Clock.systemUTC())) {
      LeadingStorage leading = LeadingStorage.lead(cluster);
      HttpDriver driver = HttpDriver.forAddress(mesos.address(),
          FrameworkOptions.of("aurora-bench", "root", Duration.ofMinutes(10)),
          MesosClientOptions.defaults(), driverThread);
      MeterRegistry registry = new SimpleMeterRegistry();
      SchedulerRuntime runtime = new SchedulerRuntime(leading.storage(), driver,
          Clock.systemUTC(), new Random(1), runtimeOptions(flags), FilterChain.standard(),
          Scorer.OFFER_ORDER, () -> { }, registry, background);
      ApiOptions apiOptions = new ApiOptions("bench", "", ApiOptions.DEFAULT_ENVIRONMENTS,
          FILLER_JOB_SIZE, TierSettings.DEFAULTS);
      AuroraAdminService api = AuroraAdminService.of(apiOptions, leading.storage(), runtime,
          Optional.empty(), new SimpleMeterRegistry());
      driver.subscribe(Optional.empty(), runtime.listener());
      runtime.start(executor);
      try {
        Await await = Await.standard();
        await.until("offers", TIMEOUT, () -> runtime.offers().size() >= flags.agents);
        int fillers = flags.agents * 4;
        for (int job = 0; job * FILLER_JOB_SIZE < fillers; job++) {
          int instances = Math.min(FILLER_JOB_SIZE, fillers - job * FILLER_JOB_SIZE);
          check("createJob", api.createJob(job(new JobKey(FILLER_ROLE, "prod", "filler-" + job),
              instances, "preemptible", 0.75, 896)));
        }
        await.until("every preemptible task RUNNING", TIMEOUT,
            () -> count(leading, FILLER_ROLE, ScheduleStatus.RUNNING) >= fillers);
        progress.printf("preempt: %d preemptible tasks RUNNING on %d agents; creating %d"
            + " production jobs of %d tasks%n", fillers, flags.agents, flags.groups,
            flags.tasksPerGroup);

        int pending = flags.groups * flags.tasksPerGroup;
        check("setQuota", api.setQuota(ROLE, new ResourceAggregate(new HashSet<>(List.of(
            Resource.numCpus(pending * 2.0), Resource.ramMb(pending * 2048L),
            Resource.diskMb(pending * 1024L))))));
        long start = System.nanoTime();
        for (int g = 0; g < flags.groups; g++) {
          check("createJob", api.createJob(job(new JobKey(ROLE, "prod", "service-" + g),
              flags.tasksPerGroup, "preferred", 1.75, 1920)));
        }
        await.until("every production task RUNNING", TIMEOUT,
            () -> count(leading, ROLE, ScheduleStatus.RUNNING) >= pending);
        double seconds = (System.nanoTime() - start) / 1e9;
        long preempted = (long) (registry.counter("preemptor_tasks_preempted_non_prod").count()
            + registry.counter("preemptor_tasks_preempted_prod").count());
        long[] rounds = runtime.preemptor().roundTimesNanos();
        long[] cpu = runtime.preemptor().roundCpuTimesNanos();
        out.println("preempt: slot searches in order, wall (ms): " + inOrder(rounds));
        out.println("preempt: the same searches, CPU time of the searching thread (ms): "
            + inOrder(cpu));
        Arrays.sort(rounds);
        Arrays.sort(cpu);
        out.printf(Locale.ROOT, "preempt: %d production tasks RUNNING %.2f s after creation;"
                + " %d victims preempted (fewest possible %d); %d slot searches, p50 %.1f ms,"
                + " p99 %.1f ms%n", pending, seconds, preempted, pending * 2L, rounds.length,
            percentileMs(rounds, 0.50), percentileMs(rounds, 0.99));
        cluster.checkAlive();
        out.println(JsonLine.bench("preempt").add("agents", flags.agents)
            .add("pending", pending)
            .add("slot_search_ms_p50", percentileMs(rounds, 0.50), 1)
            .add("slot_search_ms_p99", percentileMs(rounds, 0.99), 1)
            .add("slot_search_cpu_ms_p50", percentileMs(cpu, 0.50), 1)
            .add("slot_search_cpu_ms_p99", percentileMs(cpu, 0.99), 1)
            .add("seconds_to_all_running", seconds, 2)
            .add("preempted", preempted));
      } finally {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        driver.teardown();
      }
    } finally {
      background.shutdownNow();
      driverThread.shutdownNow();
    }
  }

  private static SchedulerRuntimeOptions runtimeOptions(Flags flags) {
    SchedulerRuntimeOptions d = SchedulerRuntimeOptions.DEFAULTS;
    PreemptionOptions p = PreemptionOptions.DEFAULTS;
    PreemptionOptions preemption = new PreemptionOptions(true, Duration.ofSeconds(1),
        p.slotHoldTime(), Duration.ofMillis(flags.searchIntervalMs), Duration.ZERO,
        flags.batchSize, p.reservationDuration(), p.tiers());
    return new SchedulerRuntimeOptions(d.schedulerHost(), d.executor(), d.offers(),
        d.reschedule(), d.timers(), d.reconcile(), d.prune(), d.maxStatusUpdateBatch(),
        d.schedulingInterval(), d.timerTick(), d.placement(), d.maxStartupScheduleDelay(),
        d.updates(), d.cron(), d.revocability(), preemption, d.maintenance());
  }

  private static String inOrder(long[] nanos) {
    return Arrays.stream(nanos).mapToObj(n -> String.format(Locale.ROOT, "%.1f", n / 1e6))
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private static double percentileMs(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int at = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, at)] / 1e6;
  }

  /** A job whose tasks ask for {@code cpus} and {@code ramMb} (the executor adds its share). */
  private static JobConfiguration job(JobKey key, int instances, String tier, double cpus,
      long ramMb) {
    TaskConfig task = new TaskConfig()
        .setJob(key)
        .setOwner(new Identity(key.getRole()))
        .setIsService(true)
        .setTier(tier)
        .setResources(new HashSet<>(Set.of(Resource.numCpus(cpus), Resource.ramMb(ramMb),
            Resource.diskMb(128))))
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor", "{}"));
    return new JobConfiguration().setKey(key).setOwner(new Identity(key.getRole()))
        .setInstanceCount(instances).setTaskConfig(task);
  }

  private static void check(String call, Response response) {
    if (response.getResponseCode() != ResponseCode.OK) {
      throw new IllegalStateException(call + " failed: " + response.getDetails());
    }
  }

  private static int count(LeadingStorage leading, String role, ScheduleStatus status) {
    return leading.storage().read(s -> s.taskStore().fetchTasks(TaskQueries.byRole(role)
        .statuses(status).build()).size());
  }
}
