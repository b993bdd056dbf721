package io.aurora.server.bench.schedule;

import io.aurora.server.bench.ReplicaFlags;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.http.HttpDriver;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.runtime.StatusUpdateBatcher;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.server.bench.Bench;
import io.aurora.server.bench.JsonLine;
import io.aurora.server.bench.LatencySummary;
import io.aurora.server.bench.ScratchDir;
import io.aurora.server.bench.log.LeadingStorage;
import io.aurora.server.bench.log.LogCluster;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.Value;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-bench schedule}: how fast the scheduling runtime places and launches tasks on a
 * durable replicated log (replica 0 in this JVM, the followers as separate processes, fsync on).
 *
 * <p>Two phases, each on a fresh log: (a) placement: {@code createJob} calls for every job (from
 * {@code -clients} threads, as many API callers would) until every task is ASSIGNED,
 * durable, with its ACCEPT call built, on a {@link RecordingDriver} holding one offer per agent;
 * (b) end to end: the same jobs until every task is RUNNING, through the embedded Mesos master's
 * simulated agents over HTTP ({@link HttpDriver}, {@link LocalMesos}). The clock of each phase
 * starts at its first {@code createJob} call.
 */
public final class ScheduleBench implements Bench {
  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(20);

  /** Flags of the schedule benchmark. */
  static final class Flags {
    @Mixin ReplicaFlags cluster = new ReplicaFlags();

    @Option(names = "-agents", defaultValue = "10000", description = "Agents (one offer each).")
    int agents;

    @Option(names = "-tasks", defaultValue = "100000", description = "Tasks to place.")
    int tasks;

    @Option(names = "-jobs", defaultValue = "1000", description = "Jobs the tasks are spread over.")
    int jobs;




    @Option(names = "-clients", defaultValue = "8",
        description = "Threads making the createJob calls (API callers at once).")
    int clients;

    @Option(names = "-end_to_end", defaultValue = "true", arity = "1",
        description = "Also run phase (b), every task RUNNING through the embedded master.")
    boolean endToEnd;
  }

  @Override
  public String name() {
    return "schedule";
  }

  @Override
  public String description() {
    return "Tasks placed and running per second on a durable 3-replica log, 10,000 simulated agents.";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Flags flags = new Flags();
    OptionalInt exit = parseFlags(flags, "Usage: aurora-bench schedule [-agents=10000]"
        + " [-tasks=100000] [-jobs=1000] [-replicas=3] [-dir=<path>]", () -> validate(flags), args,
        out, err);
    if (exit.isPresent()) {
      return exit.getAsInt();
    }
    ScratchDir.run(flags.cluster.dir, name(), err, root -> {
      Workload placement = new Workload(flags.agents, flags.tasks, flags.jobs, true);
      List<String> jvmOptions = LogCluster.jvmOptions(flags.cluster.replicaJvmOpts);
      Phase placed = placementPhase(placement, root.resolve("placement"), flags.cluster.replicas,
          jvmOptions, flags.clients, err);
      out.printf(Locale.ROOT, "placement: %d tasks on %d agents in %.2f s = %.0f tasks/s "
              + "(createJob to ACCEPT built, durable on %d replicas); pending to assigned p50 %.0f ms,"
              + " p99 %.0f ms%n", flags.tasks, flags.agents, placed.seconds(), placed.rate(),
          flags.cluster.replicas, placed.latency().p50Nanos() / 1e6, placed.latency().p99Nanos() / 1e6);
      double runningRate = 0;
      if (flags.endToEnd) {
        Workload e2e = new Workload(flags.agents, flags.tasks, flags.jobs, false);
        Phase running = endToEndPhase(e2e, root.resolve("end-to-end"), flags.cluster.replicas, jvmOptions,
            flags.clients, err);
        runningRate = running.rate();
        out.printf(Locale.ROOT, "end to end: %d tasks RUNNING on %d simulated agents over HTTP in"
            + " %.2f s = %.0f tasks/s%n", flags.tasks, flags.agents, running.seconds(), runningRate);
      }
      out.println(JsonLine.bench("schedule").add("agents", flags.agents).add("tasks", flags.tasks)
          .add("jobs", flags.jobs).add("replicas", flags.cluster.replicas)
          .add("placed_per_sec", placed.rate(), 1).add("running_per_sec", runningRate, 1)
          .add("pending_to_assigned_p99_ms", placed.latency().p99Nanos() / 1e6, 1));
    });
    return 0;
  }

  private static Optional<String> validate(Flags flags) {
    if (flags.agents < 1 || flags.jobs < 1 || flags.tasks < flags.jobs) {
      return Optional.of("need -agents >= 1 and -tasks >= -jobs >= 1");
    }
    if (flags.clients < 1) {
      return Optional.of("-clients must be at least 1: " + flags.clients);
    }
    Optional<String> cluster = flags.cluster.validate();
    if (cluster.isPresent()) {
      return cluster;
    }
    return Optional.empty();
  }

  /** One phase's outcome. */
  private record Phase(double seconds, double rate, LatencySummary latency) {}

  private Phase placementPhase(Workload workload, Path dir, int replicas, List<String> jvmOptions,
      int clients, PrintStream progress) throws Exception {
    progress.printf("placement: starting a %d-replica log in %s%n", replicas, dir);
    Map<String, Long> jobStarts = new ConcurrentHashMap<>();
    RecordingDriver driver = new RecordingDriver(System::nanoTime, jobStarts, workload.tasks());
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    ExecutorService statusUpdates = statusUpdateThreads();
    try (LogCluster cluster = LogCluster.withFollowerProcesses(dir, replicas, replicas / 2 + 1,
        jvmOptions)) {
      LeadingStorage leading = LeadingStorage.lead(cluster);
      SchedulerRuntime runtime = runtime(leading.storage(), driver, statusUpdates);
      AuroraAdminService api = AuroraAdminService.of(ApiOptions.defaults("bench"),
          leading.storage(), runtime, Optional.empty(), new SimpleMeterRegistry());
      driver.subscribe(Optional.empty(), runtime.listener());
      driver.deliver(FrameworkID.newBuilder().setValue("bench").build(), offers(workload));
      runtime.start(executor);
      progress.printf("placement: %d offers held; creating %d jobs of %d tasks%n",
          workload.agents(), workload.jobs(), workload.tasks());
      long start = System.nanoTime();
      createJobs(api, workload, clients, jobStarts, progress);
      await("placement", driver::launched, workload.tasks(), cluster, progress);
      double seconds = (System.nanoTime() - start) / 1e9;
      cluster.checkAlive();
      progress.println("placement " + leading.summary());
      progress.printf("placement: %d scheduling rounds launched tasks%n", runtime.loop().rounds());
      return new Phase(seconds, workload.tasks() / seconds, LatencySummary.of(driver.latencies()));
    } finally {
      executor.shutdownNow();
      statusUpdates.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
      driver.stop();
    }
  }

  private Phase endToEndPhase(Workload workload, Path dir, int replicas, List<String> jvmOptions,
      int clients, PrintStream progress) throws Exception {
    progress.printf("end to end: starting a %d-replica log and the embedded master with %d"
        + " simulated agents%n", replicas, workload.agents());
    LocalMesosOptions options = new LocalMesosOptions(0, 0, workload.agents(),
        Files.createDirectories(dir.resolve("mesos")), "cpus:1;mem:1024",
        Workload.AGENT_RESOURCES, workload.attributeTemplate(), Optional.empty(),
        TaskState.TASK_FINISHED, Duration.ofSeconds(15), Duration.ofSeconds(1),
        Duration.ofSeconds(10), Duration.ofSeconds(5));
    ScheduledExecutorService driverThread = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    ExecutorService statusUpdates = statusUpdateThreads();
    try (LogCluster cluster = LogCluster.withFollowerProcesses(dir, replicas, replicas / 2 + 1,
            jvmOptions);
        LocalMesos mesos = LocalMesos.start(options, Clock.systemUTC())) {
      LeadingStorage leading = LeadingStorage.lead(cluster);
      RunningCounter driver = new RunningCounter(HttpDriver.forAddress(mesos.address(),
          FrameworkOptions.of("aurora-bench", "root", Duration.ofMinutes(10)),
          MesosClientOptions.defaults(), driverThread));
      SchedulerRuntime runtime = runtime(leading.storage(), driver, statusUpdates);
      AuroraAdminService api = AuroraAdminService.of(ApiOptions.defaults("bench"),
          leading.storage(), runtime, Optional.empty(), new SimpleMeterRegistry());
      driver.subscribe(Optional.empty(), runtime.listener());
      runtime.start(executor);
      try {
        await("offers", runtime.offers()::size, workload.agents(), cluster, progress);
        progress.printf("end to end: %d offers held; creating %d jobs of %d tasks%n",
            workload.agents(), workload.jobs(), workload.tasks());
        long start = System.nanoTime();
        createJobs(api, workload, clients, new ConcurrentHashMap<>(), progress);
        await("running", driver::running, workload.tasks(), cluster, progress);
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        LatencySummary launch = driver.launchToRunning();
        progress.printf(Locale.ROOT, "end to end: last ACCEPT sent at %.2f s, every task RUNNING"
                + " at %.2f s; ACCEPT to RUNNING acknowledged p50 %.0f ms, p99 %.0f ms%n",
            (driver.lastLaunchNanos() - start) / 1e9, seconds, launch.p50Nanos() / 1e6,
            launch.p99Nanos() / 1e6);
        return new Phase(seconds, workload.tasks() / seconds, null);
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

  private static SchedulerRuntime runtime(DurableStorage storage, Driver driver,
      ExecutorService statusUpdates) {
    return new SchedulerRuntime(storage, driver, Clock.systemUTC(), new Random(1),
        SchedulerRuntimeOptions.DEFAULTS, FilterChain.standard(), Scorer.OFFER_ORDER,
        () -> { }, new SimpleMeterRegistry(), statusUpdates);
  }

  /** The status update batches' threads, as many as the runtime runs batches at once. */
  private static ExecutorService statusUpdateThreads() {
    return Executors.newFixedThreadPool(StatusUpdateBatcher.DEFAULT_IN_FLIGHT);
  }

  /** Creates every job from {@code clients} threads; fails on the first non-OK response. */
  private static void createJobs(AuroraAdminService api, Workload workload, int clientCount,
      Map<String, Long> jobStarts, PrintStream progress) throws Exception {
    long start = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(clientCount);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (JobConfiguration job : workload.jobConfigs()) {
        calls.add(clients.submit(() -> {
          String name = job.getKey().getRole() + "/" + job.getKey().getEnvironment() + "/"
              + job.getKey().getName();
          jobStarts.put(name, System.nanoTime());
          Response response = api.createJob(job);
          if (response.getResponseCode() != ResponseCode.OK) {
            throw new IllegalStateException("createJob " + name + ": "
                + response.getResponseCode() + " " + response.getDetails());
          }
          return null;
        }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
      progress.printf(Locale.ROOT, "%d createJob calls from %d clients returned in %.2f s%n",
          calls.size(), clientCount, (System.nanoTime() - start) / 1e9);
    } finally {
      clients.shutdownNow();
    }
  }

  /** Waits until {@code count} reaches {@code target}, printing progress every 5 s. */
  private static void await(String what, IntSupplier count, int target, LogCluster cluster,
      PrintStream progress) throws InterruptedException {
    long start = System.nanoTime();
    long nextReport = start + TimeUnit.SECONDS.toNanos(5);
    while (count.getAsInt() < target) {
      long now = System.nanoTime();
      if (now - start > PHASE_TIMEOUT.toNanos()) {
        throw new IllegalStateException(what + ": only " + count.getAsInt() + " of " + target
            + " after " + PHASE_TIMEOUT.toMinutes() + " min");
      }
      if (now > nextReport) {
        cluster.checkAlive();
        progress.printf("%s: %d of %d%n", what, count.getAsInt(), target);
        nextReport = now + TimeUnit.SECONDS.toNanos(5);
      }
      Thread.sleep(2);
    }
  }

  private static List<Offer> offers(Workload workload) {
    List<Offer> offers = new ArrayList<>(workload.agents());
    for (int i = 0; i < workload.agents(); i++) {
      Offer.Builder offer = Offer.newBuilder()
          .setId(OfferID.newBuilder().setValue("offer-" + i))
          .setFrameworkId(FrameworkID.newBuilder().setValue("bench"))
          .setAgentId(AgentID.newBuilder().setValue("agent-" + i))
          .setHostname("agent-" + i + ".bench")
          .addResources(scalar("cpus", 16))
          .addResources(scalar("mem", 65536))
          .addResources(scalar("disk", 1_000_000))
          .addResources(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
              .setRanges(Value.Ranges.newBuilder().addRange(
                  Value.Range.newBuilder().setBegin(31000).setEnd(32000))));
      workload.attributes(i).forEach((name, value) -> offer.addAttributes(Attribute.newBuilder()
          .setName(name).setType(Value.Type.TEXT).setText(Value.Text.newBuilder().setValue(value))));
      offers.add(offer.build());
    }
    return offers;
  }

  private static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }
}
