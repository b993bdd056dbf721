package io.aurora.server.flags;

import io.aurora.scheduling.crontrigger.CronOptions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** Cron jobs: the zone schedules are read in, KILL_EXISTING's wait, how triggers are written. */
public final class CronFlags implements FlagGroup {
  @Option(names = "-cron_timezone", defaultValue = "GMT",
      description = "Time zone in which cron schedules are read: a zone id such as GMT, UTC, "
          + "America/New_York or GMT+02:00.")
  private String cronTimezone;

  @Option(names = "-cron_start_initial_backoff", defaultValue = "5secs",
      description = "First wait of a KILL_EXISTING cron run for the previous run's killed tasks "
          + "to end; each further wait doubles.")
  private Duration cronStartInitialBackoff;

  @Option(names = "-cron_start_max_backoff", defaultValue = "1mins",
      description = "Longest wait between checks of a KILL_EXISTING cron run for the previous "
          + "run's killed tasks to end.")
  private Duration cronStartMaxBackoff;

  @Option(names = "-cron_scheduler_num_threads", defaultValue = "10",
      description = "Threads that write triggered cron runs: this many batches of triggers are "
          + "written at once (in Aurora, the threads of its Quartz cron scheduler).")
  private int cronSchedulerNumThreads;

  @Option(names = "-cron_scheduling_max_batch_size", defaultValue = "1000",
      description = "Cron triggers handled in one storage transaction. Aurora's default is 10; "
          + "ours is 1000 because every transaction is a durable log write: with 10, ten "
          + "thousand templates due in one minute took 1.9 s to be durable, with 1000 0.6 s.")
  private int cronSchedulingMaxBatchSize;

  @Override
  public String title() {
    return "Cron jobs";
  }

  /**
   * The cron trigger loop's options.
   *
   * @throws IllegalArgumentException naming the flag, if a value is out of range or the time
   *     zone is unknown
   */
  public CronOptions toCronOptions() {
    return new CronOptions(timeZone(), cronStartInitialBackoff, cronStartMaxBackoff,
        cronSchedulerNumThreads, cronSchedulingMaxBatchSize);
  }

  private ZoneId timeZone() {
    try {
      return ZoneId.of(cronTimezone, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("-cron_timezone: '" + cronTimezone
          + "' is not a time zone (use a zone id such as GMT, UTC or America/New_York)");
    }
  }
}
