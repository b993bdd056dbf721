package io.aurora.scheduling.crontrigger;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of the cron trigger loop.
 *
 * @param timeZone the zone schedules are read in ({@code -cron_timezone}, GMT)
 * @param initialBackoff the first wait of a KILL_EXISTING launch for the killed tasks to end
 *     ({@code -cron_start_initial_backoff}, 5 s); each further wait doubles
 * @param maxBackoff the longest such wait ({@code -cron_start_max_backoff}, 1 min)
 * @param writers trigger batches written at once, each on its own thread of the cron pool
 *     ({@code -cron_scheduler_num_threads}, 10)
 * @param maxBatchSize triggers handled in one storage write
 *     ({@code -cron_scheduling_max_batch_size}, 1000; Aurora's is 10)
 */
public record CronOptions(ZoneId timeZone, Duration initialBackoff, Duration maxBackoff,
    int writers, int maxBatchSize) {

  /** Aurora's defaults, except the batch size (see {@code maxBatchSize}). */
  public static final CronOptions DEFAULTS = new CronOptions(ZoneId.of("GMT"),
      Duration.ofSeconds(5), Duration.ofMinutes(1), 10, 1000);

  public CronOptions {
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    checkArgument(initialBackoff.compareTo(Duration.ZERO) > 0,
        "-cron_start_initial_backoff must be positive, got %s", initialBackoff);
    checkArgument(maxBackoff.compareTo(initialBackoff) >= 0,
        "-cron_start_max_backoff (%s) must not be shorter than -cron_start_initial_backoff (%s)",
        maxBackoff, initialBackoff);
    checkArgument(writers >= 1, "-cron_scheduler_num_threads must be at least 1, got %s", writers);
    checkArgument(maxBatchSize >= 1,
        "-cron_scheduling_max_batch_size must be at least 1, got %s", maxBatchSize);
  }

  /** The wait after {@code previous}: twice as long, at most {@link #maxBackoff}. */
  public Duration nextBackoff(Duration previous) {
    Duration doubled = previous.multipliedBy(2);
    return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
  }
}
