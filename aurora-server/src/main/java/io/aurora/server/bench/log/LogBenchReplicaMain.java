package io.aurora.server.bench.log;

import com.google.common.net.HostAndPort;
import io.aurora.log.LogOptions;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.runtime.ReplicatedLogs;
import io.aurora.server.flags.FlagParser;
import io.aurora.server.flags.ParseResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * One follower replica of the {@code log} benchmark in its own JVM, started by
 * {@link ReplicaProcesses}. It opens the replica, prints {@value #READY} on standard output, and
 * serves its peers until its standard input ends (the benchmark closed it, or died).
 */
public final class LogBenchReplicaMain {
  /** The line that tells the benchmark this replica listens. */
  static final String READY = "ready";

  /** Flags of a replica process. */
  static final class Flags {
    @Option(names = "-dir", required = true, description = "The replica's directory.")
    Path dir;

    @Option(names = "-listen", required = true, description = "host:port this replica listens on.")
    String listen;

    @Option(names = "-peers", required = true, split = ",",
        description = "host:port of every replica, this one included.")
    List<String> peers;

    @Option(names = "-quorum", required = true, description = "Replicas that must accept a write.")
    int quorum;
  }

  private LogBenchReplicaMain() {}

  /** Runs one replica until standard input ends; exits 1 on bad flags. */
  public static void main(String[] args) throws IOException {
    Flags flags = new Flags();
    ParseResult parsed = new FlagParser("replica").parse(flags, args);
    if (!(parsed instanceof ParseResult.Parsed)) {
      System.err.println("aurora-bench log replica: "
          + (parsed instanceof ParseResult.Invalid i ? i.message() : "see LogBench for the flags"));
      System.exit(1);
    }
    List<HostAndPort> peers = flags.peers.stream().map(HostAndPort::fromString).toList();
    LogOptions options = LogOptions.of(flags.quorum, flags.dir, HostAndPort.fromString(flags.listen),
        peers);
    try (ReplicatedLog log = ReplicatedLogs.open(options, new SimpleMeterRegistry(), Optional.empty())) {
      System.out.println(READY + " " + flags.listen);
      System.out.flush();
      awaitEndOfInput(System.in);
    }
    System.exit(0);
  }

  private static void awaitEndOfInput(InputStream in) throws IOException {
    byte[] buffer = new byte[256];
    while (in.read(buffer) >= 0) {
      // Nothing is ever sent; only the end matters.
    }
  }
}
