package io.aurora.server.bench.storage;

import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.log.ReplicatedLog;
import io.aurora.server.bench.Await;
import io.aurora.server.bench.Bench;
import io.aurora.server.bench.JsonLine;
import io.aurora.server.bench.LatencySummary;
import io.aurora.server.bench.ScratchDir;
import io.aurora.server.bench.log.LogCluster;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Option;

/**
 * {@code aurora-bench storage}: the durable storage on a real 3-replica log on loopback (all three
 * replicas and a hot-standby follower in this JVM, files under {@code -dir}).
 *
 * <p>Phases: load {@code -tasks} tasks in {@code -jobs} jobs (one transaction per job, executor
 * data of {@code -executor_data_bytes}); measure the heap after a full GC; run {@code -writers}
 * threads of one-op status-change transactions for {@code -write_seconds} (group commit) while
 * sampling how far the follower lags; take a snapshot during that load and record the longest
 * time a writer waited for its commit while the snapshot ran; finally recover the state cold from
 * another replica.
 */
public final class StorageBench implements Bench {

  /** Flags of the storage benchmark. */
  static final class Flags {
    @Option(names = "-dir", description = "Where the replicas' scratch directory is made (default: the temp dir); deleted after a completed run.")
    Path dir;

    @Option(names = "-tasks", defaultValue = "100000", description = "Tasks to load.")
    int tasks;

    @Option(names = "-jobs", defaultValue = "1000", description = "Jobs the tasks are spread over.")
    int jobs;

    @Option(names = "-executor_data_bytes", defaultValue = "1024",
        description = "Bytes of executor data per task config.")
    int executorDataBytes;

    @Option(names = "-writers", defaultValue = "16", description = "Concurrent writer threads.")
    int writers;

    @Option(names = "-write_seconds", defaultValue = "10",
        description = "How long the write phase runs.")
    int writeSeconds;
  }

  @Override
  public String name() {
    return "storage";
  }

  @Override
  public String description() {
    return "Durable storage on a 3-replica log: heap, write rate, snapshot pause, recovery, follower lag.";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Flags flags = new Flags();
    OptionalInt exit = parseFlags(flags,
        "Usage: aurora-bench storage [-tasks=<int>] [-jobs=<int>] [-dir=<path>]", () ->
            flags.tasks < flags.jobs || flags.jobs < 1 || flags.writers < 1 || flags.writeSeconds < 1
                ? Optional.of("need -tasks >= -jobs >= 1, -writers >= 1, -write_seconds >= 1")
                : Optional.empty(), args, out, err);
    if (exit.isPresent()) {
      return exit.getAsInt();
    }
    Path parent = flags.dir != null ? Files.createDirectories(flags.dir)
        : Path.of(System.getProperty("java.io.tmpdir"));
    ScratchDir.run(parent, name(), err, dir -> {
      try (LogCluster cluster = LogCluster.inThisJvm(dir, 3, 2)) {
        new Run(flags, cluster, out).execute();
      }
    });
    return 0;
  }

  /** One benchmark run. */
  private static final class Run {
    private final Flags flags;
    private final LogCluster cluster;
    private final PrintStream out;

    Run(Flags flags, LogCluster cluster, PrintStream out) {
      this.flags = flags;
      this.cluster = cluster;
      this.out = out;
    }

    void execute() throws Exception {
      ReplicatedLog log0 = cluster.open(0, new SimpleMeterRegistry());
      ReplicatedLog log1 = cluster.open(1, new SimpleMeterRegistry());
      ReplicatedLog log2 = cluster.open(2, new SimpleMeterRegistry());
      DurableStorage follower = cluster.storage(log1, new SimpleMeterRegistry());
      follower.start();
      DurableStorage leader = cluster.storage(log0, new SimpleMeterRegistry());
      leader.start();
      leader.lead();

      long loadStart = System.nanoTime();
      load(leader);
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      awaitFollower(follower, leader.state().logPosition());
      long heapMib = heapAfterGc() >> 20;
      out.printf(Locale.ROOT, "loaded %d tasks in %d jobs in %.1f s; heap after GC %d MiB "
          + "(leader and follower state, 3 log replicas)%n", flags.tasks, flags.jobs, loadSeconds,
          heapMib);

      WriteLoad load = new WriteLoad(leader, follower);
      load.start();
      Thread.sleep(TimeUnit.SECONDS.toMillis(flags.writeSeconds) / 2);
      long snapshotStart = System.nanoTime();
      load.markSnapshotStart(snapshotStart);
      leader.snapshot();
      long snapshotEnd = System.nanoTime();
      load.markSnapshotEnd(snapshotEnd);
      long snapshotMs = TimeUnit.NANOSECONDS.toMillis(snapshotEnd - snapshotStart);
      Thread.sleep(TimeUnit.SECONDS.toMillis(flags.writeSeconds) / 2);
      load.stop();
      out.printf(Locale.ROOT, "writes: %.0f txn/s with %d writers; snapshot %d ms, longest writer "
          + "wait during it %d ms (longest write outside it %d ms); follower lag p99 %.1f ms%n",
          load.rate(), flags.writers, snapshotMs, load.maxDuringSnapshotMs(),
          load.maxOutsideSnapshotMs(), load.lagP99Ms());

      awaitFollower(follower, leader.state().logPosition());
      long recoveryStart = System.nanoTime();
      DurableStorage cold = cluster.storage(log2, new SimpleMeterRegistry());
      cold.start();
      long recoveryMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - recoveryStart);
      out.printf(Locale.ROOT, "cold recovery of %d tasks: %d ms%n", cold.state().taskCount(),
          recoveryMs);
      out.println(JsonLine.bench("storage").add("tasks", flags.tasks).add("heap_used_mib", heapMib)
          .add("write_txn_per_sec", load.rate(), 1).add("snapshot_ms", snapshotMs)
          .add("max_writer_pause_ms", load.maxDuringSnapshotMs())
          .add("cold_recovery_ms", recoveryMs).add("follower_lag_p99_ms", load.lagP99Ms(), 1));
    }

    private void load(DurableStorage leader) {
      int perJob = flags.tasks / flags.jobs;
      for (int j = 0; j < flags.jobs; j++) {
        JobKey job = new JobKey("role" + (j % 100), "prod", "job" + j);
        TaskConfig config = config(job, j);
        List<ScheduledTask> tasks = new ArrayList<>(perJob);
        for (int i = 0; i < perJob; i++) {
          tasks.add(task(job.getName() + "-" + i, config, i));
        }
        leader.write(s -> {
          s.taskStore().saveTasks(tasks);
          return null;
        });
      }
    }

    private TaskConfig config(JobKey job, int seed) {
      char[] data = new char[flags.executorDataBytes];
      for (int i = 0; i < data.length; i++) {
        data[i] = (char) ('a' + (i * 31 + seed) % 26);
      }
      TaskConfig config = new TaskConfig();
      config.setJob(job);
      config.setOwner(new Identity(job.getRole()));
      config.setIsService(true);
      config.setResources(new HashSet<>(Set.of(Resource.numCpus(0.5), Resource.ramMb(256),
          Resource.diskMb(512), Resource.namedPort("http"))));
      config.setConstraints(new HashSet<>());
      config.setExecutorConfig(new ExecutorConfig("AuroraExecutor", new String(data)));
      return config;
    }

    private static ScheduledTask task(String id, TaskConfig config, int instance) {
      AssignedTask assigned = new AssignedTask();
      assigned.setTaskId(id);
      assigned.setInstanceId(instance);
      assigned.setTask(config);
      ScheduledTask task = new ScheduledTask();
      task.setAssignedTask(assigned);
      task.setStatus(ScheduleStatus.PENDING);
      task.setTaskEvents(new ArrayList<>(List.of(new TaskEvent(1L, ScheduleStatus.PENDING))));
      return task;
    }

    private static long heapAfterGc() {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void awaitFollower(DurableStorage follower, long position) throws Exception {
      new Await(Duration.ofMillis(1)).until("the follower to apply position " + position,
          Duration.ofSeconds(60), () -> follower.state().logPosition() >= position);
    }

    /** Writer threads doing one-op transactions, and a sampler of the follower's lag. */
    private final class WriteLoad {
      private final DurableStorage leader;
      private final DurableStorage follower;
      private final AtomicBoolean running = new AtomicBoolean(true);
      /** The snapshot's start and end (System.nanoTime); MAX_VALUE until known. */
      private volatile long snapshotStartNanos = Long.MAX_VALUE;
      private volatile long snapshotEndNanos = Long.MAX_VALUE;
      private final AtomicLong done = new AtomicLong();
      private final AtomicLong maxDuring = new AtomicLong();
      private final AtomicLong maxOutside = new AtomicLong();
      private final List<Long> lagNanos = new ArrayList<>();
      private final List<Thread> threads = new ArrayList<>();
      private long startNanos;
      private long stopNanos;

      WriteLoad(DurableStorage leader, DurableStorage follower) {
        this.leader = leader;
        this.follower = follower;
      }

      void start() {
        startNanos = System.nanoTime();
        int perJob = flags.tasks / flags.jobs;
        for (int w = 0; w < flags.writers; w++) {
          Thread t = new Thread(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (running.get()) {
              String id = "job" + random.nextInt(flags.jobs) + "-" + random.nextInt(perJob);
              long before = System.nanoTime();
              leader.write(s -> {
                s.taskStore().changeStatus(id, new TaskEvent(done.get(),
                    ScheduleStatus.PENDING).setMessage("bench"));
                return null;
              });
              long after = System.nanoTime();
              long start = snapshotStartNanos;
              if (after > start && before < snapshotEndNanos) {
                // The wait for this commit overlapped the snapshot: count the part of it that
                // fell after the snapshot began (all of it if it began during the snapshot).
                maxDuring.accumulateAndGet(after - Math.max(before, start), Math::max);
              } else {
                maxOutside.accumulateAndGet(after - before, Math::max);
              }
              done.incrementAndGet();
            }
          }, "storage-bench-writer-" + w);
          threads.add(t);
          t.start();
        }
        Thread sampler = new Thread(this::sampleLag, "storage-bench-lag");
        threads.add(sampler);
        sampler.start();
      }

      /** Every ~2 ms: note the leader's position, then time how long the follower takes to it. */
      private void sampleLag() {
        while (running.get()) {
          long target = leader.state().logPosition();
          long since = System.nanoTime();
          while (running.get() && follower.state().logPosition() < target) {
            // Parked, not spinning: on a 2-core machine a spinning sampler takes a core from
            // the writers and replicas it measures (a wake-up costs ~0.1 ms of precision).
            LockSupport.parkNanos(50_000);
          }
          synchronized (lagNanos) {
            lagNanos.add(System.nanoTime() - since);
          }
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }

      void markSnapshotStart(long nanos) {
        snapshotStartNanos = nanos;
      }

      void markSnapshotEnd(long nanos) {
        snapshotEndNanos = nanos;
      }

      void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
          t.join();
        }
        stopNanos = System.nanoTime();
      }

      double rate() {
        return done.get() / ((stopNanos - startNanos) / 1e9);
      }

      long maxDuringSnapshotMs() {
        return TimeUnit.NANOSECONDS.toMillis(maxDuring.get());
      }

      long maxOutsideSnapshotMs() {
        return TimeUnit.NANOSECONDS.toMillis(maxOutside.get());
      }

      double lagP99Ms() {
        long[] samples;
        synchronized (lagNanos) {
          samples = lagNanos.stream().mapToLong(Long::longValue).toArray();
        }
        return samples.length == 0 ? 0 : LatencySummary.of(samples).p99Nanos() / 1e6;
      }
    }
  }
}
