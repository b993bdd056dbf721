package io.aurora.storage;

import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import java.util.List;
import java.util.Optional;

/** Configurations of service jobs, by job key. */
public interface JobStore {
  /** Every stored job, ordered by key. */
  List<JobConfiguration> fetchJobs();

  Optional<JobConfiguration> fetchJob(JobKey key);

  /** Job mutations of a write transaction. */
  interface Mutable extends JobStore {
    /** Inserts or replaces the job under {@code config.key}. */
    void saveJob(JobConfiguration config);

    /** Deletes the job; an unknown key is ignored. */
    void removeJob(JobKey key);
  }
}
