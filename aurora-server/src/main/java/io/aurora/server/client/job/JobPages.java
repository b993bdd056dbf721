package io.aurora.server.client.job;

import io.aurora.server.client.cli.JobPath;
import java.util.List;
import java.util.Optional;

/**
 * Paths of the scheduler's web pages, as Aurora's client links them: {@code scheduler/ROLE},
 * {@code scheduler/ROLE/ENV}, {@code scheduler/ROLE/ENV/NAME}.
 */
final class JobPages {
  private JobPages() {}

  /** The page of {@code job}. */
  static String job(JobPath job) {
    return "scheduler/" + job.role() + "/" + job.environment() + "/" + job.name();
  }

  /** The page of a role, a role's environment or a job: whatever {@code pattern} names. */
  static String of(JobPattern pattern) {
    StringBuilder path = new StringBuilder("scheduler");
    for (Optional<String> part : List.of(pattern.role(), pattern.environment(), pattern.name())) {
      part.ifPresent(p -> path.append('/').append(p));
    }
    return path.toString();
  }
}
