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

/**
 * Polls an update's details until it ends, showing its {@link UpdateTally} on a {@link
 * ProgressLine}. Rolled forward: exit 0; rolled back: 4; aborted, error or failed: 20, with the
 * update's last message.
 */
final class UpdateWaiter {
  /** Aurora's client polls every 5 seconds. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private final UpdateLookup lookup;
  private final ProgressLine line;
  private final Sleeper sleeper;
  private final Duration interval;

  UpdateWaiter(UpdateLookup lookup, ProgressLine line, Sleeper sleeper, Duration interval) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
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
    while (true) {
      JobUpdateDetails details;
      try {
        details = lookup.details(key);
      } catch (ClientFailure e) {
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
      try {
        sleeper.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        line.finish();
        throw new ClientFailure(ExitCodes.INTERRUPTED, "interrupted", e);
      }
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
