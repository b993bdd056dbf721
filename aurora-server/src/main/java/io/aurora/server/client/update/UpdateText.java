package io.aurora.server.client.update;

import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.Range;
import io.aurora.server.client.cli.InstanceSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.SortedSet;

/** How the update verbs write keys, pages, times and instance ranges. */
final class UpdateText {
  private UpdateText() {}

  /** {@code ROLE/ENV/NAME}. */
  static String job(JobKey job) {
    return job.getRole() + "/" + job.getEnvironment() + "/" + job.getName();
  }

  /** {@code CLUSTER/ROLE/ENV/NAME/ID}: the KEY-OR-JOB form that names this update. */
  static String key(String cluster, JobUpdateKey key) {
    return cluster + "/" + job(key.getJob()) + "/" + key.getId();
  }

  /** The update's page below the scheduler's web base. */
  static String page(JobUpdateKey key) {
    return "scheduler/" + job(key.getJob()) + "/update/" + key.getId();
  }

  /** A time in UTC to the second, e.g. {@code 2024-05-01T12:00:00Z}. */
  static String time(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Closed ranges as {@code 0-3,7}; {@code -} when there are none. */
  static String ranges(Collection<Range> ranges) {
    SortedSet<Integer> ids = InstanceSpec.idsOf(ranges);
    return ids.isEmpty() ? "-" : new InstanceSpec(ids).toString();
  }
}
