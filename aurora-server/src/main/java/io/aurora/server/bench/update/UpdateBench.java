package io.aurora.server.bench.update;

import io.aurora.server.bench.ReplicaFlags;
import io.aurora.api.TaskQueries;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.Metadata;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.Resource;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
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
 * {@code aurora-bench update}: a service job of {@code -instances} RUNNING on the embedded
 * master's simulated agents, over a durable {@code -replicas}-replica log (replica 0 in this JVM,
 * the followers as processes, fsync on), is updated to a new config in batches of
 * {@code -batch_size} with no watch time, through the Thrift API, until ROLLED_FORWARD. Then a
 * second update to a version whose tasks fail as they start (the simulated agents fail tasks
 * labelled so) rolls back automatically once every instance failed; the rollback is timed from
 * its ROLLING_BACK event to ROLLED_BACK, with the same batch size.
 *
 * <p>Storage writes and log appends are counted over each measured part: the updater writes once
 * per evaluation pass, so they grow with the batches of status updates, not with the instances.
 */
public final class UpdateBench implements Bench {
  private static final Duration TIMEOUT = Duration.ofMinutes(20);
  private static final JobKey JOB = new JobKey("bench", "prod", "rolling");
  private static final String ROLE = "bench";
  private static final String AGENT_RESOURCES = "cpus:16;mem:65536;disk:1000000;ports:[31000-32000]";

  /** Flags of the update benchmark. */
  static final class Flags {
    @Mixin ReplicaFlags cluster = new ReplicaFlags();

    @Option(names = "-agents", defaultValue = "10000", description = "Simulated agents.")
    int agents;

    @Option(names = "-instances", defaultValue = "10000", description = "Instances of the job.")
    int instances;

    @Option(names = "-batch_size", defaultValue = "1000",
        description = "Instances updated at once (a queue strategy of this group size).")
    int batchSize;

    @Option(names = "-watch_ms", defaultValue = "0",
        description = "minWaitInInstanceRunningMs of the updates.")
    int watchMs;




    @Option(names = "-rollback", defaultValue = "true", arity = "1",
        description = "Also measure the automatic rollback of a failing version.")
    boolean rollback;
  }

  @Override
  public String name() {
    return "update";
  }

  @Override
  public String description() {
    return "A 10,000-instance rolling update and its rollback on a durable 3-replica log.";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Flags flags = new Flags();
    OptionalInt exit = parseFlags(flags, "Usage: aurora-bench update [-agents=10000]"
        + " [-instances=10000] [-batch_size=1000] [-watch_ms=0] [-replicas=3] [-dir=<path>]",
        () -> validate(flags), args, out, err);
    if (exit.isPresent()) {
      return exit.getAsInt();
    }
    ScratchDir.run(flags.cluster.dir, name(), err, root -> measure(flags, root, out, err));
    return 0;
  }

  private static Optional<String> validate(Flags flags) {
    if (flags.agents < 1 || flags.instances < 1) {
      return Optional.of("-agents and -instances must be at least 1");
    }
    if (flags.batchSize < 1) {
      return Optional.of("-batch_size must be at least 1: " + flags.batchSize);
    }
    if (flags.watchMs < 0) {
      return Optional.of("-watch_ms must not be negative: " + flags.watchMs);
    }
    Optional<String> cluster = flags.cluster.validate();
    if (cluster.isPresent()) {
      return cluster;
    }
    return Optional.empty();
  }

  private void measure(Flags flags, Path root, PrintStream out, PrintStream progress)
      throws Exception {
    progress.printf("update: starting a %d-replica log and the embedded master with %d simulated"
        + " agents in %s%n", flags.cluster.replicas, flags.agents, root);
    LocalMesosOptions options = LocalMesosOptions.simulatedOnly(flags.agents,
        Files.createDirectories(root.resolve("mesos")), AGENT_RESOURCES);
    ScheduledExecutorService driverThread = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    ExecutorService statusUpdates = Executors.newFixedThreadPool(StatusUpdateBatcher.DEFAULT_IN_FLIGHT);
    List<String> jvmOptions = LogCluster.jvmOptions(flags.cluster.replicaJvmOpts);
    try (LogCluster cluster = LogCluster.withFollowerProcesses(root.resolve("log"), flags.cluster.replicas,
            flags.cluster.replicas / 2 + 1, jvmOptions);
        LocalMesos mesos = LocalMesos.start(options, Clock.systemUTC())) {
      LeadingStorage leading = LeadingStorage.lead(cluster);
      HttpDriver driver = HttpDriver.forAddress(mesos.address(),
          FrameworkOptions.of("aurora-bench", "root", Duration.ofMinutes(10)),
          MesosClientOptions.defaults(), driverThread);
      SchedulerRuntime runtime = new SchedulerRuntime(leading.storage(), driver, Clock.systemUTC(),
          new Random(1), SchedulerRuntimeOptions.DEFAULTS, FilterChain.standard(),
          Scorer.OFFER_ORDER, () -> { }, new SimpleMeterRegistry(), statusUpdates);
      ApiOptions apiOptions = new ApiOptions("bench", "", ApiOptions.DEFAULT_ENVIRONMENTS,
          Math.max(4000, flags.instances), TierSettings.DEFAULTS);
      UpdateCalls api = new UpdateCalls(AuroraAdminService.of(apiOptions, leading.storage(),
          runtime, Optional.empty(), new SimpleMeterRegistry()));
      driver.subscribe(Optional.empty(), runtime.listener());
      runtime.start(executor);
      try {
        Await await = Await.standard();
        await.until("offers", TIMEOUT, () -> runtime.offers().size() >= flags.agents);
        TaskConfig first = config("v1", false);
        api.check("createJob", api.service().createJob(new JobConfiguration().setKey(JOB)
            .setOwner(new Identity(ROLE)).setInstanceCount(flags.instances).setTaskConfig(first)));
        await.until("every instance RUNNING", TIMEOUT,
            () -> running(leading, first) >= flags.instances);
        progress.printf("update: %d instances RUNNING; updating them in batches of %d%n",
            flags.instances, flags.batchSize);

        TaskConfig second = config("v2", false);
        UpdateRun forward = forward(api, leading, second, flags, progress);
        int onSecond = running(leading, second);
        if (onSecond != flags.instances) {
          throw new IllegalStateException("after ROLLED_FORWARD only " + onSecond + " of "
              + flags.instances + " instances run the new config");
        }
        out.printf(Locale.ROOT, "update: %d instances rolled forward in %.2f s = %.0f instances/s"
                + " (batch %d, durable on %d replicas); %d storage writes, %d log appends%n",
            flags.instances, forward.seconds(), forward.rate(), flags.batchSize, flags.cluster.replicas,
            forward.writes(), forward.appends());

        JsonLine json = JsonLine.bench("update").add("agents", flags.agents)
            .add("replicas", flags.cluster.replicas).add("instances", flags.instances)
            .add("batch_size", flags.batchSize).add("watch_ms", flags.watchMs)
            .add("update_seconds", forward.seconds(), 2)
            .add("instances_per_sec", forward.rate(), 1)
            .add("storage_writes", forward.writes()).add("log_appends", forward.appends());
        if (flags.rollback) {
          UpdateRun back = rollback(api, leading, config("v3", true), flags, progress);
          int restored = running(leading, second);
          if (restored != flags.instances) {
            throw new IllegalStateException("after ROLLED_BACK only " + restored + " of "
                + flags.instances + " instances run the previous config");
          }
          out.printf(Locale.ROOT, "rollback: %d instances rolled back in %.2f s = %.0f instances/s;"
                  + " %d storage writes, %d log appends%n", back.instances(), back.seconds(),
              back.rate(), back.writes(), back.appends());
          json.add("rollback_instances", back.instances())
              .add("rollback_seconds", back.seconds(), 2)
              .add("rollback_instances_per_sec", back.rate(), 1)
              .add("rollback_storage_writes", back.writes())
              .add("rollback_log_appends", back.appends());
        }
        cluster.checkAlive();
        progress.println("update " + leading.summary());
        out.println(json);
      } finally {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        driver.teardown();
      }
    } finally {
      statusUpdates.shutdownNow();
      driverThread.shutdownNow();
    }
  }

  /** Updates every instance to {@code config}; timed from the call to ROLLED_FORWARD. */
  private static UpdateRun forward(UpdateCalls api, LeadingStorage leading, TaskConfig config,
      Flags flags, PrintStream progress) throws Exception {
    long writes = leading.writes();
    long appends = leading.appends();
    long start = System.nanoTime();
    JobUpdateKey key = api.start(request(config, flags, 0));
    JobUpdateStatus end = api.awaitEnd(key, TIMEOUT, progress);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (end != JobUpdateStatus.ROLLED_FORWARD) {
      throw new IllegalStateException("update " + key.getId() + " ended " + end + ": "
          + api.whyEnded(key, JOB));
    }
    return new UpdateRun(seconds, flags.instances, leading.writes() - writes,
        leading.appends() - appends);
  }

  /**
   * Updates to a {@code failing} config that tolerates every instance but the last failing, so
   * that the rollback that follows moves every instance back; timed (by the update's own events)
   * from ROLLING_BACK to ROLLED_BACK, with the storage work counted from the moment the rollback
   * is seen.
   */
  private static UpdateRun rollback(UpdateCalls api, LeadingStorage leading, TaskConfig failing,
      Flags flags, PrintStream progress) throws Exception {
    JobUpdateKey key = api.start(request(failing, flags, flags.instances - 1));
    api.awaitStatus(key, JobUpdateStatus.ROLLING_BACK, TIMEOUT, progress);
    long writes = leading.writes();
    long appends = leading.appends();
    JobUpdateStatus end = api.awaitEnd(key, TIMEOUT, progress);
    if (end != JobUpdateStatus.ROLLED_BACK) {
      throw new IllegalStateException("update " + key.getId() + " ended " + end
          + ", not ROLLED_BACK");
    }
    long writesDone = leading.writes() - writes;
    long appendsDone = leading.appends() - appends;
    JobUpdateDetails details = api.details(key);
    long from = eventTime(details, JobUpdateStatus.ROLLING_BACK);
    long to = eventTime(details, JobUpdateStatus.ROLLED_BACK);
    return new UpdateRun(Math.max(1, to - from) / 1e3, flags.instances, writesDone, appendsDone);
  }

  private static long eventTime(JobUpdateDetails details, JobUpdateStatus status) {
    return details.getUpdateEvents().stream().filter(e -> e.getStatus() == status)
        .mapToLong(JobUpdateEvent::getTimestampMs).max()
        .orElseThrow(() -> new IllegalStateException("no " + status + " event"));
  }

  private static JobUpdateRequest request(TaskConfig config, Flags flags, int maxFailedInstances) {
    JobUpdateSettings settings = new JobUpdateSettings()
        .setUpdateGroupSize(flags.batchSize)
        .setUpdateStrategy(JobUpdateStrategy.queueStrategy(
            new QueueJobUpdateStrategy(flags.batchSize)))
        .setMaxPerInstanceFailures(0)
        .setMaxFailedInstances(maxFailedInstances)
        .setMinWaitInInstanceRunningMs(flags.watchMs)
        .setRollbackOnFailure(true)
        .setUpdateOnlyTheseInstances(new HashSet<>());
    return new JobUpdateRequest(config, flags.instances, settings);
  }

  /** The job's config at {@code version}; a {@code failing} one fails as its tasks start. */
  private static TaskConfig config(String version, boolean failing) {
    Set<Metadata> metadata = new HashSet<>(Set.of(new Metadata("version", version)));
    if (failing) {
      metadata.add(new Metadata("local_mesos.fail_on_start", "true"));
    }
    return new TaskConfig()
        .setJob(JOB)
        .setOwner(new Identity(ROLE))
        .setIsService(true)
        .setResources(new HashSet<>(Set.of(Resource.numCpus(0.25), Resource.ramMb(128),
            Resource.diskMb(128))))
        .setMetadata(metadata)
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor", "{\"version\":\"" + version
            + "\"}"));
  }

  /** Instances RUNNING with the config of {@code config}'s version (read from storage). */
  private static int running(LeadingStorage leading, TaskConfig config) {
    return leading.storage().read(s -> {
      int count = 0;
      for (ScheduledTask t : s.taskStore().fetchTasks(TaskQueries.byJob(JOB)
          .statuses(ScheduleStatus.RUNNING).build())) {
        if (t.getAssignedTask().getTask().getMetadata().equals(config.getMetadata())) {
          count++;
        }
      }
      return count;
    });
  }
}
