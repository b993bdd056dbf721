package io.aurora.server.bench.log;

import io.aurora.server.flags.FlagGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The load both {@code log} and {@code log-peer} generate, so that their numbers compare. */
final class LoadFlags implements FlagGroup {
  static final int MAX_ENTRY_BYTES = 16 << 20;
  static final int MAX_CONCURRENCY = 100_000;

  @Option(names = "-entry_bytes", defaultValue = "1024", description = "Bytes per append.")
  int entryBytes;

  @Option(names = "-concurrency", defaultValue = "256",
      description = "Appends outstanding in the loaded phase (a new one starts as one completes).")
  int concurrency;

  @Option(names = "-warmup", defaultValue = "5secs",
      description = "Time the loaded phase runs before it is measured (JIT, caches, connections).")
  Duration warmup;

  @Option(names = "-duration", defaultValue = "20secs", description = "Measured time of the loaded phase.")
  Duration duration;

  @Option(names = "-seq_duration", defaultValue = "5secs",
      description = "Time of the sequential phase: one append at a time, for the latency of a lone write.")
  Duration seqDuration;

  @Option(names = "-fsync_writes", defaultValue = "1000",
      description = "Forces of the raw fsync measurement made on the same disk before the run.")
  int fsyncWrites;

  @Override
  public String title() {
    return "load";
  }

  /** One line naming the first bad value, if any. */
  Optional<String> validate() {
    if (entryBytes < 1 || entryBytes > MAX_ENTRY_BYTES) {
      return Optional.of("-entry_bytes must be between 1 and " + MAX_ENTRY_BYTES + ": " + entryBytes);
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      return Optional.of("-concurrency must be between 1 and " + MAX_CONCURRENCY + ": " + concurrency);
    }
    if (warmup.isNegative()) {
      return Optional.of("-warmup must not be negative: " + warmup);
    }
    if (duration.isNegative() || duration.isZero()) {
      return Optional.of("-duration must be positive: " + duration);
    }
    if (seqDuration.isNegative() || seqDuration.isZero()) {
      return Optional.of("-seq_duration must be positive: " + seqDuration);
    }
    if (fsyncWrites < 1) {
      return Optional.of("-fsync_writes must be at least 1: " + fsyncWrites);
    }
    return Optional.empty();
  }

  /** Empty if {@code dir} is an existing directory, else one line saying why not. */
  static Optional<String> checkDirectory(String flag, Path dir) {
    return Files.isDirectory(dir)
        ? Optional.empty() : Optional.of(flag + " " + dir + " is not a directory");
  }
}
