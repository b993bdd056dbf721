package io.aurora.server.bench.log;

import com.google.common.net.HostAndPort;
import io.aurora.server.bench.Bench;
import io.aurora.server.bench.FsyncBench;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-bench log-peer}: drives an etcd or ZooKeeper cluster that is already running (the
 * {@code bench-peers/} scripts start them) with the load of {@code aurora-bench log}, and prints
 * the same summary and JSON keys, so the three compare line by line.
 */
public final class PeerDriver implements Bench {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final LongSupplier nanoTime;

  /** The systems this driver knows. */
  enum Target {
    ZOOKEEPER, ETCD
  }

  /** Flags of the peer driver. */
  static final class Flags {
    @Mixin LoadFlags load = new LoadFlags();

    @Option(names = "-target", required = true, description = "zookeeper or etcd.")
    Target target;

    @Option(names = "-endpoints", required = true, split = ",",
        description = "Client host:port of every member, e.g. 127.0.0.1:2181,127.0.0.1:2182.")
    List<String> endpoints;

    @Option(names = "-dir", required = true,
        description = "A directory on the disk that holds the members' data, for the raw fsync measurement.")
    Path dir;

    @Option(names = "-replicas", defaultValue = "3", description = "Members of the cluster (reported).")
    int replicas;

    @Option(names = "-quorum", defaultValue = "2", description = "Members that persist a write (reported).")
    int quorum;

    @Option(names = "-sessions", defaultValue = "4",
        description = "ZooKeeper client sessions the appends are spread over.")
    int sessions;
  }

  /** Measures with {@link System#nanoTime}. */
  public PeerDriver() {
    this(System::nanoTime);
  }

  PeerDriver(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public String name() {
    return "log-peer";
  }

  @Override
  public String description() {
    return "Drives a running etcd or ZooKeeper cluster like 'log' (see bench-peers/ in the distribution).";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Flags flags = new Flags();
    OptionalInt exit = parseFlags(flags, "Usage: aurora-bench log-peer -target=zookeeper|etcd "
        + "-endpoints=<host:port,...> -dir=<path> [-entry_bytes=1024] [-concurrency=256]",
        () -> validate(flags), args, out, err);
    if (exit.isPresent()) {
      return exit.getAsInt();
    }
    List<HostAndPort> members = flags.endpoints.stream().map(HostAndPort::fromString).toList();
    LoadFlags load = flags.load;
    err.printf("measuring raw fsync in %s (%d forces)%n", flags.dir, load.fsyncWrites);
    FsyncBench.Result fsync = new FsyncBench(nanoTime).measure(flags.dir, load.fsyncWrites,
        load.entryBytes, false);
    err.printf("connecting to %s at %s%n", flags.target.name().toLowerCase(), members);
    try (Appender appender = open(flags.target, members, flags.sessions)) {
      byte[] entry = new byte[load.entryBytes];
      new Random(42).nextBytes(entry);
      ClosedLoop loop = new ClosedLoop(nanoTime);
      err.printf("%d appends outstanding for %.1f s warmup + %.1f s%n", load.concurrency,
          load.warmup.toMillis() / 1e3, load.duration.toMillis() / 1e3);
      ClosedLoop.Phase loaded = loop.concurrent(appender, entry, load.concurrency, load.warmup,
          load.duration);
      err.printf("one append at a time for %.1f s%n", load.seqDuration.toMillis() / 1e3);
      ClosedLoop.Phase sequential = loop.sequential(appender, entry, load.seqDuration);
      new LogBenchReport(flags.target.name().toLowerCase(), flags.replicas, flags.quorum,
          load.entryBytes, load.concurrency, loaded, sequential, fsync).print(out);
    }
    return 0;
  }

  private static Optional<String> validate(Flags flags) {
    Optional<String> load = flags.load.validate();
    if (load.isPresent()) {
      return load;
    }
    for (String e : flags.endpoints) {
      try {
        HostAndPort hp = HostAndPort.fromString(e);
        if (!hp.hasPort()) {
          return Optional.of("-endpoints: '" + e + "' has no port");
        }
      } catch (IllegalArgumentException ex) {
        return Optional.of("-endpoints: '" + e + "' is not host:port");
      }
    }
    if (flags.sessions < 1 || flags.sessions > 1000) {
      return Optional.of("-sessions must be between 1 and 1000: " + flags.sessions);
    }
    if (flags.replicas < 1 || flags.quorum < 1 || flags.quorum > flags.replicas) {
      return Optional.of("-quorum must be between 1 and -replicas (" + flags.replicas + "): "
          + flags.quorum);
    }
    return LoadFlags.checkDirectory("-dir", flags.dir);
  }

  private static Appender open(Target target, List<HostAndPort> members, int sessions)
      throws Exception {
    switch (target) {
      case ZOOKEEPER:
        return ZooKeeperAppender.open(
            members.stream().map(HostAndPort::toString).collect(Collectors.joining(",")),
            sessions, CONNECT_TIMEOUT);
      case ETCD:
        return new EtcdAppender(members, CONNECT_TIMEOUT);
      default:
        throw new IllegalArgumentException("unknown target " + target);
    }
  }
}
