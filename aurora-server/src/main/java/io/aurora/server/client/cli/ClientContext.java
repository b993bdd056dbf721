package io.aurora.server.client.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every command gets from outside itself: the way to its scheduler, where to print, whether
 * that output is a terminal, how to pause, where fresh update ids come from, the user's time
 * zone, and what time it is. {@code AuroraClient.main} builds the real one; tests build one with
 * fakes (a clock that moves with the recorded pauses).
 *
 * @param interactive whether {@code out} is a terminal (progress is then rewritten in place)
 * @param updateIds the source of {@code org.apache.aurora.client.update_id} values
 * @param localZone the zone times are shown in for the person at the terminal (the JVM's default)
 * @param clock the time now: how long a task has been in its state, how long a restarted
 *     instance has been running
 */
public record ClientContext(SchedulerConnector connector, PrintWriter out, PrintWriter err,
    boolean interactive, Sleeper sleeper, Supplier<UUID> updateIds, ZoneId localZone,
    Clock clock) {
  public ClientContext {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(updateIds, "updateIds");
    Objects.requireNonNull(localZone, "localZone");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * A context on the system's UTC clock: the form callers used before the clock was part of the
   * context (kept so they compile unchanged).
   */
  public ClientContext(SchedulerConnector connector, PrintWriter out, PrintWriter err,
      boolean interactive, Sleeper sleeper, Supplier<UUID> updateIds, ZoneId localZone) {
    this(connector, out, err, interactive, sleeper, updateIds, localZone, Clock.systemUTC());
  }

  /** The scheduler of {@code cluster}, its calls retried and checked. */
  public SchedulerCalls scheduler(String cluster) {
    return scheduler(Optional.of(cluster));
  }

  /** The scheduler of {@code cluster} (empty: the one the global options name). */
  public SchedulerCalls scheduler(Optional<String> cluster) {
    return new SchedulerCalls(connector.connect(cluster), sleeper);
  }

  /** A progress line on {@code out}. */
  public ProgressLine progressLine() {
    return new ProgressLine(out, interactive);
  }
}
