package io.aurora.http;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the leader-only pages show, read from the scheduler on each request (a follower redirects
 * them to the leader; see {@link io.aurora.http.redirect.LeaderOnlyPaths}).
 *
 * @param cronJobs for {@code /cron}: {@code role/env/name} to schedule, of the jobs scheduled here
 */
public record LeaderPages(Supplier<? extends Map<String, String>> cronJobs) {
  /** Checks nulls. */
  public LeaderPages {
    Objects.requireNonNull(cronJobs, "cronJobs");
  }
}
