package io.aurora.server.bench;

import java.util.Arrays;

/**
 * Order statistics of a set of latency samples, in nanoseconds. Percentiles use the nearest-rank
 * method: p99 of 1000 samples is the 990th smallest.
 *
 * @param count the number of samples
 * @param p50Nanos the median
 * @param p99Nanos the 99th percentile
 * @param maxNanos the largest sample
 * @param meanNanos the arithmetic mean
 */
public record LatencySummary(int count, long p50Nanos, long p99Nanos, long maxNanos, double meanNanos) {
  /** Summarises {@code samples} (not modified); there must be at least one. */
  public static LatencySummary of(long[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long s : sorted) {
      sum += s;
    }
    return new LatencySummary(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99),
        sorted[sorted.length - 1], sum / sorted.length);
  }

  private static long rank(long[] sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
