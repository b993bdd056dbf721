package io.aurora.http;

import io.aurora.http.admin.MaintenanceHandler;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the leader-only pages show, read from the scheduler on each request (a follower redirects
 * them to the leader; see {@link io.aurora.http.redirect.LeaderOnlyPaths}).
 *
 * @param cronJobs for {@code /cron}: {@code role/env/name} to schedule, of the jobs scheduled here
 * @param maintenance for {@code /maintenance}: Aurora's object of hosts by mode, keys in order
 *     ({@code DRAINED} and {@code SCHEDULED} to host lists, {@code DRAINING} to host to task ids)
 */
public record LeaderPages(Supplier<? extends Map<String, String>> cronJobs,
    Supplier<? extends Map<String, ?>> maintenance) {
  /** Checks nulls. */
  public LeaderPages {
    Objects.requireNonNull(cronJobs, "cronJobs");
    Objects.requireNonNull(maintenance, "maintenance");
  }

  /** With a {@code /maintenance} page that shows no host. */
  public LeaderPages(Supplier<? extends Map<String, String>> cronJobs) {
    this(cronJobs, () -> MaintenanceHandler.EMPTY);
  }
}
