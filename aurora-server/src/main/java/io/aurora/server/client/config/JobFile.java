package io.aurora.server.client.config;

import io.aurora.gen.JobConfiguration;
import java.util.Objects;

/**
 * A job file as read for one job: the {@link JobConfiguration} to send (its key, owner and task's
 * job already those of the command line) and how to update the job ({@link UpdateConfig#DEFAULTS}
 * when the file does not say).
 */
public record JobFile(JobConfiguration job, UpdateConfig updateConfig) {
  public JobFile {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(updateConfig, "updateConfig");
  }

  /**
   * Whether the job carries a cron schedule. A blank one counts as none, as the scheduler counts
   * it.
   */
  public boolean hasCronSchedule() {
    return job.isSetCronSchedule() && !job.getCronSchedule().isBlank();
  }
}
