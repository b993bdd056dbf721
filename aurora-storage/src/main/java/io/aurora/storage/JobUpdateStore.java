package io.aurora.storage;

import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Job updates with their event histories, by update key.
 *
 * <p>Returned details carry a {@code summary.state} derived from the events: the status of the
 * latest update event, created at the first event and last modified at the latest event of either
 * kind.
 */
public interface JobUpdateStore {
  Optional<JobUpdateDetails> fetchJobUpdate(JobUpdateKey key);

  /**
   * Updates matching every set term of {@code query} (role, key, job key, user, statuses), most
   * recently modified first as in Aurora (ties: newest created first, then by key), after
   * {@code offset} and at most {@code limit} (when > 0; 0 means no limit).
   */
  List<JobUpdateDetails> fetchJobUpdates(JobUpdateQuery query);

  /** Keys of every stored update. */
  Set<JobUpdateKey> fetchUpdateKeys();

  /** Update mutations of a write transaction. */
  interface Mutable extends JobUpdateStore {
    /** Inserts or replaces an update's definition, keeping its events. */
    void saveJobUpdate(JobUpdate update);

    /**
     * Appends an event to an update's history.
     *
     * @throws IllegalArgumentException if no update has this key
     */
    void saveJobUpdateEvent(JobUpdateKey key, JobUpdateEvent event);

    /**
     * Appends an instance event to an update's history.
     *
     * @throws IllegalArgumentException if no update has this key
     */
    void saveJobInstanceUpdateEvent(JobUpdateKey key, JobInstanceUpdateEvent event);

    /** Deletes updates with their histories; unknown keys are ignored. */
    void removeJobUpdates(Set<JobUpdateKey> keys);
  }
}
