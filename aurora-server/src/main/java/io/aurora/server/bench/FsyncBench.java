package io.aurora.server.bench;

import io.aurora.server.flags.DataSize;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import picocli.CommandLine.Option;

/**
 * {@code aurora-bench fsync}: how many small appends per second the disk under {@code -dir} makes
 * durable, each followed by {@link FileChannel#force}. This is the ceiling for a log replica that
 * fsyncs before acknowledging, so the {@code log} benchmark is read against it.
 */
public final class FsyncBench implements Bench {
  private final LongSupplier nanoTime;

  /** Flags of the fsync benchmark. */
  static final class Flags {
    @Option(names = "-dir", required = true,
        description = "Directory on the disk to measure (a scratch file is created and deleted there).")
    Path dir;

    @Option(names = "-writes", defaultValue = "1000", description = "Appends to make, each followed by an fsync.")
    int writes;

    @Option(names = "-write_size", defaultValue = "1KB", description = "Bytes per append.")
    DataSize writeSize;

    @Option(names = "-sync_metadata", arity = "0..1", defaultValue = "false",
        description = "Also sync file metadata on each force (fsync rather than fdatasync).")
    boolean syncMetadata;
  }

  /** Measures with {@link System#nanoTime}. */
  public FsyncBench() {
    this(System::nanoTime);
  }

  /** Measures with {@code nanoTime}, a monotonic clock in nanoseconds. */
  public FsyncBench(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public String name() {
    return "fsync";
  }

  @Override
  public String description() {
    return "Raw fsync rate and latency of small appends in -dir (the ceiling for the log).";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
    Flags flags = new Flags();
    OptionalInt exit = parseFlags(flags,
        "Usage: aurora-bench fsync -dir=<path> [-writes=<int>] [-write_size=<size>]",
        () -> validate(flags), args, out, err);
    if (exit.isPresent()) {
      return exit.getAsInt();
    }
    Result r = measure(flags.dir, flags.writes, (int) flags.writeSize.bytes(), flags.syncMetadata);
    report(flags, r, out);
    return 0;
  }

  private static Optional<String> validate(Flags flags) {
    if (flags.writes < 1 || flags.writeSize.bytes() < 1 || flags.writeSize.bytes() > (64 << 20)) {
      return Optional.of("-writes must be at least 1 and -write_size between 1B and 64MB");
    }
    if (!Files.isDirectory(flags.dir)) {
      return Optional.of("-dir " + flags.dir + " is not a directory");
    }
    return Optional.empty();
  }

  /**
   * What {@link #measure} saw.
   *
   * @param elapsedNanos the whole run, writes included
   * @param force the latency of each {@link FileChannel#force} call
   */
  public record Result(long elapsedNanos, LatencySummary force) {}

  /**
   * Appends {@code writes} records of {@code writeBytes} to a scratch file in {@code dir}, forcing
   * after each, and deletes the file. Other benchmarks call this to print the disk's limit next to
   * their own numbers.
   */
  public Result measure(Path dir, int writes, int writeBytes, boolean syncMetadata) throws IOException {
    Path file = Files.createTempFile(dir, "aurora-fsync-bench-", ".dat");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer record = ByteBuffer.allocate(writeBytes);
      long[] forceNanos = new long[writes];
      long start = nanoTime.getAsLong();
      for (int i = 0; i < writes; i++) {
        record.clear();
        record.putInt(0, i);
        while (record.hasRemaining()) {
          channel.write(record);
        }
        long before = nanoTime.getAsLong();
        channel.force(syncMetadata);
        forceNanos[i] = nanoTime.getAsLong() - before;
      }
      return new Result(nanoTime.getAsLong() - start, LatencySummary.of(forceNanos));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void report(Flags flags, Result r, PrintStream out) {
    double seconds = r.elapsedNanos() / 1e9;
    double rate = seconds > 0 ? flags.writes / seconds : 0;
    LatencySummary f = r.force();
    out.printf(Locale.ROOT, "fsync benchmark in %s: %d appends of %s, each forced%s%n",
        flags.dir.toAbsolutePath(), flags.writes, flags.writeSize, flags.syncMetadata ? " with metadata" : "");
    out.printf(Locale.ROOT, "  %.0f fsyncs/sec over %.2f s%n", rate, seconds);
    out.printf(Locale.ROOT, "  force latency: p50 %.1f us, p99 %.1f us, max %.1f us, mean %.1f us%n",
        f.p50Nanos() / 1e3, f.p99Nanos() / 1e3, f.maxNanos() / 1e3, f.meanNanos() / 1e3);
    out.println(JsonLine.bench("fsync").add("dir", flags.dir.toAbsolutePath().toString())
        .add("writes", flags.writes).add("write_bytes", flags.writeSize.bytes())
        .add("sync_metadata", flags.syncMetadata).add("seconds", seconds, 3)
        .add("fsyncs_per_sec", rate, 1).add("p50_us", f.p50Nanos() / 1e3, 1)
        .add("p99_us", f.p99Nanos() / 1e3, 1).add("max_us", f.maxNanos() / 1e3, 1));
  }

}
