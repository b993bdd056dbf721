package io.aurora.server.bench.log;

import io.aurora.log.Writer;
import io.aurora.server.bench.Bench;
import io.aurora.server.bench.FsyncBench;
import io.aurora.server.bench.ScratchDir;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-bench log}: durable appends per second and their latency through our replicated
 * log, with N replicas as separate JVMs on 127.0.0.1, real files and fsync. Replica 0 runs in this
 * JVM and holds the writer, as the leading scheduler does; the others are
 * {@link LogBenchReplicaMain} processes. The run measures raw fsync on the same disk first, then
 * keeps {@code -concurrency} appends outstanding, then appends one at a time.
 */
public final class LogBench implements Bench {

  private final LongSupplier nanoTime;

  /** Flags of the log benchmark. */
  static final class Flags {
    @Mixin LoadFlags load = new LoadFlags();

    @Option(names = "-replicas", defaultValue = "3", description = "Replicas, each its own JVM.")
    int replicas;

    @Option(names = "-quorum", defaultValue = "2",
        description = "Replicas that must persist an append before it is acknowledged (a majority).")
    int quorum;

    @Option(names = "-dir", defaultValue = "${sys:java.io.tmpdir}",
        description = "Directory on the disk to measure; a scratch directory is made and deleted there.")
    Path dir;

    @Option(names = "-replica_jvm_opts", defaultValue = "-Xmx512m",
        description = "JVM options of the follower replica processes, separated by spaces.")
    String replicaJvmOpts;
  }

  /** Measures with {@link System#nanoTime}. */
  public LogBench() {
    this(System::nanoTime);
  }

  LogBench(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public String description() {
    return "Replicated log appends/s and latency, replicas as processes on 127.0.0.1 with fsync.";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Flags flags = new Flags();
    OptionalInt exit = parseFlags(flags, "Usage: aurora-bench log [-replicas=3] [-quorum=2]"
        + " [-entry_bytes=1024] [-concurrency=256] [-duration=20secs] [-warmup=5secs] [-dir=<path>]",
        () -> validate(flags), args, out, err);
    if (exit.isPresent()) {
      return exit.getAsInt();
    }
    ScratchDir.run(flags.dir, name(), err, root -> measure(flags, root, err).print(out));
    return 0;
  }

  private static Optional<String> validate(Flags flags) {
    Optional<String> load = flags.load.validate();
    if (load.isPresent()) {
      return load;
    }
    if (flags.replicas < 1 || flags.replicas > 9) {
      return Optional.of("-replicas must be between 1 and 9: " + flags.replicas);
    }
    if (flags.quorum < 1 || flags.quorum > flags.replicas || 2 * flags.quorum <= flags.replicas) {
      return Optional.of("-quorum must be a majority of the " + flags.replicas + " replicas (at least "
          + (flags.replicas / 2 + 1) + ", at most " + flags.replicas + "): " + flags.quorum);
    }
    return LoadFlags.checkDirectory("-dir", flags.dir);
  }

  private LogBenchReport measure(Flags flags, Path root, PrintStream progress) throws Exception {
    LoadFlags load = flags.load;
    progress.printf("measuring raw fsync in %s (%d forces)%n", root, load.fsyncWrites);
    FsyncBench.Result fsync = new FsyncBench(nanoTime).measure(root, load.fsyncWrites,
        load.entryBytes, false);
    progress.printf("starting %d replica processes%n", flags.replicas - 1);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (LogCluster cluster = LogCluster.withFollowerProcesses(root, flags.replicas, flags.quorum,
        LogCluster.jvmOptions(flags.replicaJvmOpts))) {
      progress.printf("replicas on %s%n", cluster.addresses());
      try (Appender writer = appender(cluster.open(0, registry).elect())) {
        byte[] entry = new byte[load.entryBytes];
        new Random(42).nextBytes(entry);
        ClosedLoop loop = new ClosedLoop(nanoTime);
        progress.printf("writer elected; %d appends outstanding for %.1f s warmup + %.1f s%n",
            load.concurrency, load.warmup.toMillis() / 1e3, load.duration.toMillis() / 1e3);
        ClosedLoop.Phase loaded = loop.concurrent(writer, entry, load.concurrency, load.warmup,
            load.duration);
        cluster.checkAlive();
        progress.printf("one append at a time for %.1f s%n", load.seqDuration.toMillis() / 1e3);
        Timer fsyncs = registry.timer("scheduler_log_native_fsync");
        long forcesBefore = fsyncs.count();
        double nanosBefore = fsyncs.totalTime(TimeUnit.NANOSECONDS);
        ClosedLoop.Phase sequential = loop.sequential(writer, entry, load.seqDuration);
        long forces = fsyncs.count() - forcesBefore;
        progress.printf("writer's own fsyncs in the sequential phase: %d, mean %.3f ms%n", forces,
            forces == 0 ? 0 : (fsyncs.totalTime(TimeUnit.NANOSECONDS) - nanosBefore) / forces / 1e6);
        cluster.checkAlive();
        return new LogBenchReport("aurora-log", flags.replicas, flags.quorum, load.entryBytes,
            load.concurrency, loaded, sequential, fsync);
      }
    }
  }

  private static Appender appender(Writer writer) {
    return new Appender() {
      @Override
      public CompletableFuture<?> append(byte[] data) {
        return writer.append(data);
      }

      @Override
      public void close() {
        writer.close();
      }
    };
  }
}
