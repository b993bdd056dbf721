package io.aurora.scheduling.runtime;

import com.google.common.base.Ticker;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.assign.PendingGroup;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.resources.Revocability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduling loop's pacing: which pending groups a round attempts (due after their backoff, at
 * most {@code -scheduling_max_batch_size} attempts of at most
 * {@code -max_tasks_per_schedule_attempt} tasks, each attempt a permit of the
 * {@code -max_schedule_attempts_per_sec} limiter), how groups back off after a round, and when the
 * next round is due. An unpaced pacer attempts every task of every group in every round.
 *
 * <p>Not thread-safe, like the loop; the counters may be read from any thread.
 */
final class RoundPacer {
  /** The tasks of one config that are pending, in store order, and since when. */
  static final class Group {
    final List<String> ids = new ArrayList<>();
    long pendingSinceMs = Long.MAX_VALUE;
  }

  private final PlacementOptions placement;
  private final boolean paced;
  private final ExecutorSettings executor;
  private final Revocability revocability;
  private final AttemptRateLimiter limiter;
  private final GroupBackoff backoff;
  private final AtomicLong attemptsFired = new AtomicLong();
  private final AtomicLong attemptsNoMatch = new AtomicLong();
  private final AtomicLong attemptsBlocked = new AtomicLong();
  private Optional<Duration> nextRoundDelay = Optional.empty();

  RoundPacer(PlacementOptions placement, boolean paced, Ticker ticker, ExecutorSettings executor,
      Revocability revocability) {
    this.placement = placement;
    this.paced = paced;
    this.executor = executor;
    this.revocability = revocability;
    this.limiter = new AttemptRateLimiter(
        Math.min(placement.maxScheduleAttemptsPerSec(), 1e12), ticker);
    this.backoff = new GroupBackoff(placement.firstScheduleDelay(),
        placement.initialSchedulePenalty(), placement.maxSchedulePenalty());
  }

  boolean paced() {
    return paced;
  }

  /** A round begins: what the last one said about the next is void. */
  void startRound() {
    nextRoundDelay = Optional.empty();
  }

  /** Drops {@code group}'s backoff: it is tried in the next round. */
  void forget(TaskConfig group) {
    backoff.forget(group);
  }

  /** Forgets the backoff of groups that are no longer pending. */
  void retain(Set<TaskConfig> pending) {
    backoff.retain(pending);
  }

  /** Delays each of {@code recovered} by a random time in [0, {@code maxDelay}). */
  void delayRecovered(Set<TaskConfig> recovered, Duration maxDelay, Random random, long nowMs) {
    backoff.delayRecovered(recovered, maxDelay, random, nowMs);
  }

  /** The attempts of one round and which config each of their tasks has. */
  static final class Attempts {
    final List<PendingGroup> groups = new ArrayList<>();
    final Map<String, TaskConfig> configOf = new HashMap<>();
    /** Each attempted group's pending tasks (the attempt may hold fewer). */
    final Map<TaskConfig, Integer> pendingOf = new HashMap<>();
    boolean moreNow;
    long blockedNanos = -1;
  }

  /** Picks this round's attempts among the due groups, within the batch size and the rate limit. */
  Attempts pick(Map<TaskConfig, Group> byConfig, long nowMs) {
    Attempts out = new Attempts();
    for (Map.Entry<TaskConfig, Group> e : byConfig.entrySet()) {
      TaskConfig config = e.getKey();
      Group group = e.getValue();
      if (paced && !backoff.isDue(config, group.pendingSinceMs, nowMs)) {
        continue;
      }
      if (out.groups.size() >= placement.maxBatchSize()) {
        out.moreNow = true;
        break;
      }
      if (paced && !limiter.tryAcquire()) {
        attemptsBlocked.incrementAndGet();
        out.blockedNanos = limiter.nanosUntilNextPermit();
        break;
      }
      List<String> ids = group.ids.size() > placement.maxTasksPerScheduleAttempt()
          ? group.ids.subList(0, placement.maxTasksPerScheduleAttempt()) : group.ids;
      ids.forEach(id -> out.configOf.put(id, config));
      out.pendingOf.put(config, group.ids.size());
      out.groups.add(new PendingGroup(TaskRequest.of(config, executor, revocability), ids));
    }
    attemptsFired.addAndGet(out.groups.size());
    return out;
  }

  /** Backs off the groups that placed nothing and says when the next round is due. */
  void pace(Attempts attempts, Map<TaskConfig, Integer> placed, long nowMs) {
    boolean moreNow = attempts.moreNow;
    for (PendingGroup group : attempts.groups) {
      TaskConfig config = group.request().config();
      int count = placed.getOrDefault(config, 0);
      if (count == 0) {
        attemptsNoMatch.incrementAndGet();
      }
      if (paced && count >= attempts.pendingOf.getOrDefault(config, Integer.MAX_VALUE)) {
        backoff.forget(config);
      } else if (paced) {
        backoff.attempted(config, count, nowMs);
      }
    }
    if (!paced) {
      return;
    }
    long delayMs = Long.MAX_VALUE;
    if (moreNow) {
      delayMs = 0;
    }
    if (attempts.blockedNanos >= 0) {
      delayMs = Math.min(delayMs, Math.max(1, TimeUnit.NANOSECONDS.toMillis(attempts.blockedNanos)));
    }
    OptionalLong nextDue = backoff.nextDueAfter(nowMs);
    if (nextDue.isPresent()) {
      delayMs = Math.min(delayMs, nextDue.getAsLong() - nowMs);
    }
    if (delayMs != Long.MAX_VALUE) {
      nextRoundDelay = Optional.of(Duration.ofMillis(Math.max(0, delayMs)));
    }
  }

  /** When the next round should run, or empty if only new events need one. */
  Optional<Duration> nextRoundDelay() {
    return nextRoundDelay;
  }

  long attemptsFired() {
    return attemptsFired.get();
  }

  long attemptsNoMatch() {
    return attemptsNoMatch.get();
  }

  long attemptsBlocked() {
    return attemptsBlocked.get();
  }
}
