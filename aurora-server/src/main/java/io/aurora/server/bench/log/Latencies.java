package io.aurora.server.bench.log;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, recorded from any thread, and their percentiles by the
 * nearest-rank method (p99 of 1000 samples is the 990th smallest).
 */
final class Latencies {
  private long[] samples = new long[1 << 14];
  private int count;

  synchronized void record(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  synchronized int count() {
    return count;
  }

  /** The percentile {@code fraction} (0 < fraction <= 1) in milliseconds; 0 without samples. */
  synchronized double percentileMillis(double fraction) {
    if (fraction <= 0 || fraction > 1) {
      throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
    }
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(fraction * count);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
