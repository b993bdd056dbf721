package io.aurora.storage;

import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import java.util.List;
import java.util.Optional;

/** Cron job templates, by job key. They exist without any task. */
public interface CronJobStore {
  /** Every cron job, ordered by key. */
  List<JobConfiguration> fetchJobs();

  Optional<JobConfiguration> fetchJob(JobKey key);

  /** Cron job mutations of a write transaction. */
  interface Mutable extends CronJobStore {
    /** Inserts or replaces the cron job under {@code config.key}. */
    void saveAcceptedJob(JobConfiguration config);

    /** Deletes the cron job; an unknown key is ignored. */
    void removeJob(JobKey key);
  }
}
