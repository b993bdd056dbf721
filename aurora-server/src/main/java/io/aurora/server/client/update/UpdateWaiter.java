package io.aurora.server.client.update;

import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.ProgressLine;
import io.aurora.server.client.cli.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Polls an update's details until it ends, showing its {@link UpdateTally} on a {@link
 * ProgressLine}. Rolled forward: exit 0; rolled back: 4; aborted, error or failed: 20, with the
 * update's last message.
 *
 * <p>A scheduler that cannot be reached (it died, or lost the lead) does not end the wait at
 * once: the waiter finds the scheduler again (through the serverset, when the client uses one, so
 * it follows a new leader) and keeps polling, for up to {@link #UNREACHABLE_LIMIT}; only then
 * does it give up with the network error (exit 7).
 */
final class UpdateWaiter {
  /** Aurora's client polls every 5 seconds. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  /**
   * How long the scheduler may stay unreachable during a wait: long enough for a leader change
   * (a ZooKeeper session timeout and a takeover, seconds to a minute), short enough that a wait
   * against a scheduler that is gone for good ends.
   */
  static final Duration UNREACHABLE_LIMIT = Duration.ofMinutes(2);

  private final Supplier<UpdateLookup> reconnect;
  private UpdateLookup lookup;
  private final ProgressLine line;
  private final Sleeper sleeper;
  private final Duration interval;

  /**
   * @param lookup reads the update's details
   * @param reconnect finds the scheduler again after it could not be reached
   */
  UpdateWaiter(UpdateLookup lookup, Supplier<UpdateLookup> reconnect, ProgressLine line,
      Sleeper sleeper, Duration interval) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
    this.line = Objects.requireNonNull(line, "line");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /**
   * Waits for {@code key} to end; {@code name} is how progress lines call it.
   *
   * @return 0 when it rolled forward
   * @throws ClientFailure 4 or 20 when it ended otherwise
   */
  int await(JobUpdateKey key, String name) {
    long unreachableLimit = Math.max(1, UNREACHABLE_LIMIT.toMillis() / interval.toMillis());
    int unreachable = 0;
    while (true) {
      JobUpdateDetails details;
      try {
        details = lookup.details(key);
        unreachable = 0;
      } catch (ClientFailure e) {
        if (e.exitCode() == ExitCodes.NETWORK_ERROR && ++unreachable <= unreachableLimit) {
          line.show(name + ": scheduler unreachable (" + e.getMessage()
              + "), looking for it again");
          pause();
          lookup = reconnected();
          continue;
        }
        line.finish(); // so the error starts on a line of its own on a terminal
        throw e;
      }
      UpdateTally tally = UpdateTally.of(details);
      line.show(name + ": " + tally);
      if (UpdateStatuses.ended(tally.status())) {
        line.finish();
        int exit = UpdateStatuses.exitCode(tally.status());
        if (exit != ExitCodes.OK) {
          throw new ClientFailure(exit, "update " + name + " ended " + tally.status()
              + lastMessage(details));
        }
        return exit;
      }
      pause();
    }
  }

  private void pause() {
    try {
      sleeper.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      line.finish();
      throw new ClientFailure(ExitCodes.INTERRUPTED, "interrupted", e);
    }
  }

  /** The scheduler found again, or the current one if finding it fails (the next poll says). */
  private UpdateLookup reconnected() {
    try {
      return reconnect.get();
    } catch (ClientFailure e) {
      return lookup;
    }
  }

  private static String lastMessage(JobUpdateDetails details) {
    List<JobUpdateEvent> events = details.getUpdateEvents();
    if (events == null || events.isEmpty()) {
      return "";
    }
    JobUpdateEvent last = events.get(0);
    for (JobUpdateEvent event : events) {
      if (event.getTimestampMs() >= last.getTimestampMs()) {
        last = event;
      }
    }
    return last.getMessage() == null || last.getMessage().isBlank() ? "" : ": " + last.getMessage();
  }
}
