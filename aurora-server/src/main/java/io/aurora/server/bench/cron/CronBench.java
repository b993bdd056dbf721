package io.aurora.server.bench.cron;

import io.aurora.server.bench.ReplicaFlags;
import com.google.common.base.Ticker;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.http.HttpDriver;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
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
import io.aurora.server.bench.LatencySummary;
import io.aurora.server.bench.ScratchDir;
import io.aurora.server.bench.log.LeadingStorage;
import io.aurora.server.bench.log.LogCluster;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-bench cron}: {@code -templates} cron templates of one instance each, all due in
 * the same minute, scheduled through the Thrift API on a durable {@code -replicas}-replica log
 * (replica 0 in this JVM, the followers as processes, fsync on) with the embedded master's
 * simulated agents. Measured from the due time: each template's fire lag (its task PENDING and
 * durable, seen by sampling the durable state every {@link #SAMPLE_MS} ms) and the time until
 * every task is RUNNING (its update acknowledged, so durable too).
 */
public final class CronBench implements Bench {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final String ROLE = "bench";
  private static final String AGENT_RESOURCES = "cpus:16;mem:65536;disk:1000000;ports:[31000-32000]";
  /** How often the durable task counts are sampled: the fire lags' resolution. */
  static final long SAMPLE_MS = 2;
  /** Templates scheduled at once (concurrent API calls share log appends). */
  private static final int CLIENTS = 8;
  /** The due minute is at least this far after the templates are expected to be scheduled. */
  private static final Duration MARGIN = Duration.ofSeconds(15);
  private static final ZoneId GMT = ZoneId.of("GMT");

  /** Flags of the cron benchmark. */
  static final class Flags {
    @Mixin ReplicaFlags cluster = new ReplicaFlags();

    @Option(names = "-templates", defaultValue = "10000",
        description = "Cron templates, one instance each, all due in the same minute.")
    int templates;

    @Option(names = "-agents", defaultValue = "1000", description = "Simulated agents.")
    int agents;


    @Option(names = "-cron_scheduler_num_threads", defaultValue = "10",
        description = "Trigger batches written at once (the scheduler flag).")
    int threads;

    @Option(names = "-cron_scheduling_max_batch_size", defaultValue = "1000",
        description = "Triggers per storage write (the scheduler flag).")
    int batchSize;


  }

  @Override
  public String name() {
    return "cron";
  }

  @Override
  public String description() {
    return "10,000 cron templates due in the same minute on a durable 3-replica log: fire lag.";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Flags flags = new Flags();
    OptionalInt exit = parseFlags(flags, "Usage: aurora-bench cron [-templates=10000]"
        + " [-agents=1000] [-replicas=3] [-cron_scheduler_num_threads=10]"
        + " [-cron_scheduling_max_batch_size=1000] [-dir=<path>]",
        () -> validate(flags), args, out, err);
    if (exit.isPresent()) {
      return exit.getAsInt();
    }
    ScratchDir.run(flags.cluster.dir, name(), err, root -> measure(flags, root, out, err));
    return 0;
  }

  private static Optional<String> validate(Flags flags) {
    if (flags.templates < 1 || flags.agents < 1) {
      return Optional.of("-templates and -agents must be at least 1");
    }
    Optional<String> cluster = flags.cluster.validate();
    if (cluster.isPresent()) {
      return cluster;
    }
    try {
      new CronOptions(GMT, Duration.ofSeconds(5), Duration.ofMinutes(1), flags.threads,
          flags.batchSize);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return Optional.empty();
  }

  private void measure(Flags flags, Path root, PrintStream out, PrintStream progress)
      throws Exception {
    progress.printf("cron: starting a %d-replica log and the embedded master with %d simulated"
        + " agents in %s%n", flags.cluster.replicas, flags.agents, root);
    // Simulated tasks never end: every run stays RUNNING.
    LocalMesosOptions mesosOptions = LocalMesosOptions.simulatedOnly(flags.agents,
        Files.createDirectories(root.resolve("mesos")), AGENT_RESOURCES);
    ScheduledExecutorService driverThread = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    ExecutorService statusUpdates = Executors.newFixedThreadPool(StatusUpdateBatcher.DEFAULT_IN_FLIGHT);
    ExecutorService cronThreads = Executors.newFixedThreadPool(flags.threads);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<String> jvmOptions = LogCluster.jvmOptions(flags.cluster.replicaJvmOpts);
    try (LogCluster cluster = LogCluster.withFollowerProcesses(root.resolve("log"), flags.cluster.replicas,
            flags.cluster.replicas / 2 + 1, jvmOptions);
        LocalMesos mesos = LocalMesos.start(mesosOptions, Clock.systemUTC())) {
      LeadingStorage leading = LeadingStorage.lead(cluster);
      HttpDriver driver = HttpDriver.forAddress(mesos.address(),
          FrameworkOptions.of("aurora-bench", "root", Duration.ofMinutes(10)),
          MesosClientOptions.defaults(), driverThread);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      SchedulerRuntime runtime = new SchedulerRuntime(leading.storage(), driver,
          Clock.systemUTC(), Ticker.systemTicker(), new Random(1), options(flags),
          FilterChain.standard(), Scorer.OFFER_ORDER, () -> { }, registry, statusUpdates,
          cronThreads);
      ApiOptions apiOptions = new ApiOptions("bench", "", ApiOptions.DEFAULT_ENVIRONMENTS, 4000,
          TierSettings.DEFAULTS);
      AuroraAdminService api = AuroraAdminService.of(apiOptions, leading.storage(), runtime,
          Optional.empty(), registry);
      driver.subscribe(Optional.empty(), runtime.listener());
      runtime.start(executor);
      try {
        Await await = Await.standard();
        await.until("offers", TIMEOUT, () -> runtime.offers().size() >= flags.agents);
        // Scheduling runs at a few thousand templates a second: leave room, then a whole minute.
        Instant due = Instant.now().plus(MARGIN)
            .plusMillis(flags.templates / 2).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        String schedule = schedule(due);
        progress.printf("cron: %d offers held; scheduling %d templates '%s' (due %s)%n",
            flags.agents, flags.templates, schedule, due);
        long scheduleStart = System.nanoTime();
        schedule(api, clients, flags.templates, schedule);
        double scheduleSeconds = (System.nanoTime() - scheduleStart) / 1e9;
        long left = Duration.between(Instant.now(), due).toMillis();
        if (left < 1000) {
          throw new IllegalStateException("scheduling the templates took " + scheduleSeconds
              + " s and ran past their due time " + due + ": run again");
        }
        progress.printf(Locale.ROOT, "cron: %d templates scheduled in %.1f s; %.1f s to the due"
            + " time%n", flags.templates, scheduleSeconds, left / 1e3);
        long writes = leading.writes();
        long appends = leading.appends();
        try (TaskCountSampler sampler = new TaskCountSampler(leading.storage(),
            System::currentTimeMillis, flags.templates, due.toEpochMilli())) {
          sampler.start(SAMPLE_MS);
          await.until("every run PENDING and durable", Duration.ofMillis(left).plus(TIMEOUT),
              () -> sampler.durable() >= flags.templates);
          long writesDone = leading.writes() - writes;
          long appendsDone = leading.appends() - appends;
          await.until("every task RUNNING", TIMEOUT, () -> sampler.allRunningMs() >= 0);
          sampler.close();
          LatencySummary lag = LatencySummary.of(sampler.lagNanos());
          double runningSeconds = sampler.allRunningMs() / 1e3;
          cluster.checkAlive();
          out.printf(Locale.ROOT, "cron: %d templates due at %s: fire lag p50 %.0f ms, p99 %.0f"
                  + " ms, max %.0f ms (PENDING and durable on %d replicas; %d storage writes,"
                  + " %d log appends); every task RUNNING %.2f s after the due time%n",
              flags.templates, due, lag.p50Nanos() / 1e6, lag.p99Nanos() / 1e6,
              lag.maxNanos() / 1e6, flags.cluster.replicas, writesDone, appendsDone, runningSeconds);
          progress.println("cron " + leading.summary());
          out.println(JsonLine.bench("cron").add("templates", flags.templates)
              .add("agents", flags.agents).add("replicas", flags.cluster.replicas)
              .add("cron_scheduler_num_threads", flags.threads)
              .add("cron_scheduling_max_batch_size", flags.batchSize)
              .add("fire_lag_p50_ms", lag.p50Nanos() / 1e6, 1)
              .add("fire_lag_p99_ms", lag.p99Nanos() / 1e6, 1)
              .add("fire_lag_max_ms", lag.maxNanos() / 1e6, 1)
              .add("running_seconds", runningSeconds, 2)
              .add("storage_writes", writesDone).add("log_appends", appendsDone)
              .add("triggers", (long) registry.counter("cron_job_triggers").count()));
        }
      } finally {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        driver.teardown();
      }
    } finally {
      clients.shutdownNow();
      cronThreads.shutdownNow();
      statusUpdates.shutdownNow();
      driverThread.shutdownNow();
    }
  }

  /** Aurora's defaults with the benchmark's cron writers and batch size. */
  private static SchedulerRuntimeOptions options(Flags flags) {
    SchedulerRuntimeOptions d = SchedulerRuntimeOptions.DEFAULTS;
    return new SchedulerRuntimeOptions(d.schedulerHost(), d.executor(), d.offers(),
        d.reschedule(), d.timers(), d.reconcile(), d.prune(), d.maxStatusUpdateBatch(),
        d.schedulingInterval(), d.timerTick(), d.placement(), d.maxStartupScheduleDelay(),
        d.updates(), new CronOptions(GMT, Duration.ofSeconds(5), Duration.ofMinutes(1),
            flags.threads, flags.batchSize));
  }

  /** A schedule that fires at {@code due} (GMT) and not again for a year. */
  static String schedule(Instant due) {
    ZonedDateTime at = due.atZone(GMT);
    return at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
        + at.getMonthValue() + " *";
  }

  private static void schedule(AuroraAdminService api, ExecutorService clients, int templates,
      String schedule) throws Exception {
    List<Future<?>> calls = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      calls.add(clients.submit(() -> {
        for (int i = client; i < templates; i += CLIENTS) {
          Response r = api.scheduleCronJob(template(i, schedule));
          if (r.getResponseCode() != ResponseCode.OK) {
            throw new IllegalStateException("scheduleCronJob " + i + ": " + r.getDetails());
          }
        }
        return null;
      }));
    }
    for (Future<?> call : calls) {
      call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static JobConfiguration template(int i, String schedule) {
    JobKey key = new JobKey(ROLE, "prod", "cron-" + i);
    Set<Resource> resources = new HashSet<>(Set.of(Resource.numCpus(0.01), Resource.ramMb(1),
        Resource.diskMb(1)));
    TaskConfig task = new TaskConfig()
        .setIsService(false)
        .setMaxTaskFailures(1)
        .setResources(resources)
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor", "{\"cron\":" + i + "}"));
    return new JobConfiguration().setKey(key).setOwner(new Identity(ROLE)).setTaskConfig(task)
        .setInstanceCount(1).setCronSchedule(schedule)
        .setCronCollisionPolicy(CronCollisionPolicy.CANCEL_NEW);
  }
}
