package io.aurora.scheduling.updater;

import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.scheduling.timer.TimerQueue;
import io.aurora.scheduling.update.UpdateHistoryPolicy;
import io.aurora.scheduling.write.StateWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets finished job updates by the {@link UpdateHistoryPolicy} every
 * {@link UpdateOptions#historyPruningInterval()}, in one write per run and none when there is
 * nothing to forget. The choice is made on a read before the write: a finished update never
 * becomes active again, so nothing the write removes can have changed in between.
 */
public final class UpdateHistoryPruner {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateHistoryPruner.class);
  /** Keys named in the log line of a run; the first run on a large cluster may remove thousands. */
  private static final int LOGGED_KEYS = 20;

  private final StateWriter writer;
  private final Clock clock;
  private final UpdateOptions options;
  private final UpdateHistoryPolicy policy;
  private final AtomicLong pruned = new AtomicLong();

  public UpdateHistoryPruner(StateWriter writer, Clock clock, UpdateOptions options) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.options = Objects.requireNonNull(options, "options");
    this.policy = new UpdateHistoryPolicy(options.historyPerJob(),
        options.historyPruningThreshold());
  }

  /** Runs every interval on {@code timers}, the first time one interval from now. */
  public void schedule(TimerQueue timers) {
    timers.schedule(clock.instant().plus(options.historyPruningInterval()), () -> {
      // Rescheduled first: a failed run (storage not ready, say) must not end the pruning.
      schedule(timers);
      try {
        pruneOnce();
      } catch (RuntimeException e) {
        LOG.warn("Pruning the job update history failed; trying again in {}",
            options.historyPruningInterval(), e);
      }
    });
  }

  /** One pass; returns the number of updates removed. */
  public int pruneOnce() {
    long now = clock.millis();
    Set<JobUpdateKey> doomed = writer.storage().read(s -> {
      List<JobUpdateSummary> finished = new ArrayList<>();
      s.jobUpdateStore().fetchJobUpdates(new JobUpdateQuery().setUpdateStatuses(finishedStatuses()))
          .forEach(d -> finished.add(d.getUpdate().getSummary()));
      return policy.select(finished, now);
    });
    if (doomed.isEmpty()) {
      return 0;
    }
    writer.write((stores, changes) -> {
      stores.jobUpdateStore().removeJobUpdates(doomed);
      return null;
    });
    pruned.addAndGet(doomed.size());
    LOG.info("Pruned {} finished job update(s): {}", doomed.size(), describe(doomed));
    return doomed.size();
  }

  /** Updates removed so far ({@code job_updates_pruned}). */
  public long updatesPruned() {
    return pruned.get();
  }

  private static Set<JobUpdateStatus> finishedStatuses() {
    return EnumSet.complementOf(EnumSet.copyOf(ActiveUpdates.STATUSES));
  }

  /** The first {@link #LOGGED_KEYS} keys as {@code role/env/name/id}, and how many more. */
  private static String describe(Set<JobUpdateKey> keys) {
    List<String> names = new ArrayList<>();
    for (JobUpdateKey key : keys) {
      if (names.size() == LOGGED_KEYS) {
        names.add("and " + (keys.size() - LOGGED_KEYS) + " more");
        break;
      }
      names.add(key.getJob().getRole() + "/" + key.getJob().getEnvironment() + "/"
          + key.getJob().getName() + "/" + key.getId());
    }
    return String.join(", ", names);
  }
}
