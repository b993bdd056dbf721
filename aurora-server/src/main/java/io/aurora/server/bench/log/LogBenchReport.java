package io.aurora.server.bench.log;

import io.aurora.server.bench.FsyncBench;
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
    return String.format(Locale.ROOT, "{\"replicas\":%d,\"quorum\":%d,\"entry_bytes\":%d,"
            + "\"concurrency\":%d,\"appends_per_sec\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,"
            + "\"p999_ms\":%.3f,\"fsync_p50_ms\":%.3f,\"seq_p50_ms\":%.3f,\"target\":\"%s\","
            + "\"appends\":%d,\"seconds\":%.3f,\"seq_appends\":%d,\"seq_p99_ms\":%.3f,"
            + "\"fsync_p99_ms\":%.3f}",
        replicas, quorum, entryBytes, concurrency, loaded.appendsPerSec(),
        l.percentileMillis(0.5), l.percentileMillis(0.99), l.percentileMillis(0.999),
        fsyncMillis(fsync.force().p50Nanos()), s.percentileMillis(0.5), target, loaded.appends(),
        loaded.seconds(), sequential.appends(), s.percentileMillis(0.99),
        fsyncMillis(fsync.force().p99Nanos()));
  }

  private static double fsyncMillis(long nanos) {
    return nanos / 1e6;
  }
}
