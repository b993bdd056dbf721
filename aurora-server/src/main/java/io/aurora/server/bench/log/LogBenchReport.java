package io.aurora.server.bench.log;

import io.aurora.server.bench.FsyncBench;
import io.aurora.server.bench.JsonLine;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of one {@code log} or {@code log-peer} run, printed as a few lines for people and one
 * JSON line for scripts ({@code bench-peers/compare-log.sh} reads the JSON lines of all three).
 *
 * @param target what was measured: {@code aurora-log}, {@code etcd} or {@code zookeeper}
 * @param replicas how many replicas (members, servers) the target ran
 * @param quorum how many of them must persist a write before it is acknowledged
 * @param entryBytes bytes per append
 * @param concurrency appends outstanding in the loaded phase
 * @param loaded the loaded phase
 * @param sequential the phase with one append at a time
 * @param fsync raw fsync latency on the disk holding the target's data, measured in the same run
 */
record LogBenchReport(String target, int replicas, int quorum, int entryBytes, int concurrency,
    ClosedLoop.Phase loaded, ClosedLoop.Phase sequential, FsyncBench.Result fsync) {

  LogBenchReport {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(loaded, "loaded");
    Objects.requireNonNull(sequential, "sequential");
    Objects.requireNonNull(fsync, "fsync");
  }

  /** Prints the summary, ending with the JSON line. */
  void print(PrintStream out) {
    Latencies l = loaded.latencies();
    Latencies s = sequential.latencies();
    out.printf(Locale.ROOT, "%s: %d replicas, quorum %d, %d-byte entries, %d outstanding%n",
        target, replicas, quorum, entryBytes, concurrency);
    out.printf(Locale.ROOT, "  loaded:     %.0f appends/s (%d in %.1f s); latency p50 %.2f ms, "
            + "p99 %.2f ms, p999 %.2f ms%n", loaded.appendsPerSec(), loaded.appends(),
        loaded.seconds(), l.percentileMillis(0.5), l.percentileMillis(0.99),
        l.percentileMillis(0.999));
    out.printf(Locale.ROOT, "  sequential: %.0f appends/s (%d in %.1f s); latency p50 %.3f ms, "
            + "p99 %.3f ms%n", sequential.appendsPerSec(), sequential.appends(),
        sequential.seconds(), s.percentileMillis(0.5), s.percentileMillis(0.99));
    out.printf(Locale.ROOT, "  raw fsync:  p50 %.3f ms, p99 %.3f ms (%d forces)%n",
        fsyncMillis(fsync.force().p50Nanos()), fsyncMillis(fsync.force().p99Nanos()),
        fsync.force().count());
    out.println(json());
  }

  /** The JSON line: the keys every target reports, then extras. */
  String json() {
    Latencies l = loaded.latencies();
    Latencies s = sequential.latencies();
    return JsonLine.of().add("replicas", replicas).add("quorum", quorum)
        .add("entry_bytes", entryBytes).add("concurrency", concurrency)
        .add("appends_per_sec", loaded.appendsPerSec(), 1)
        .add("p50_ms", l.percentileMillis(0.5), 3).add("p99_ms", l.percentileMillis(0.99), 3)
        .add("p999_ms", l.percentileMillis(0.999), 3)
        .add("fsync_p50_ms", fsyncMillis(fsync.force().p50Nanos()), 3)
        .add("seq_p50_ms", s.percentileMillis(0.5), 3).add("target", target)
        .add("appends", loaded.appends()).add("seconds", loaded.seconds(), 3)
        .add("seq_appends", sequential.appends()).add("seq_p99_ms", s.percentileMillis(0.99), 3)
        .add("fsync_p99_ms", fsyncMillis(fsync.force().p99Nanos()), 3).toString();
  }

  private static double fsyncMillis(long nanos) {
    return nanos / 1e6;
  }
}
