package io.aurora.server.flags;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** Limits on the jobs that clients may create. */
public final class JobFlags implements FlagGroup {
  @Option(names = "-max_tasks_per_job", defaultValue = "4000",
      description = "Instances a single job may have at most.")
  private int maxTasksPerJob;

  @Option(names = "-max_update_instance_failures", defaultValue = "20000",
      description = "A job update may allow at most this many failures in total: its "
          + "maxPerInstanceFailures times its instance count.")
  private int maxUpdateInstanceFailures;

  @Option(names = "-allowed_job_environments", defaultValue = "^(prod|devel|test|staging\\d*)$",
      description = "Regular expression that every job's environment must match.")
  private String allowedJobEnvironments;

  @Override
  public String title() {
    return "Jobs";
  }

  public int maxTasksPerJob() {
    return maxTasksPerJob;
  }

  /** {@code -max_update_instance_failures}. */
  public int maxUpdateInstanceFailures() {
    return maxUpdateInstanceFailures;
  }

  /**
   * {@code -allowed_job_environments}, compiled.
   *
   * @throws IllegalArgumentException naming the flag, if it is not a regular expression
   */
  public Pattern allowedJobEnvironments() {
    try {
      return Pattern.compile(allowedJobEnvironments);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("-allowed_job_environments is not a valid regular expression: "
          + e.getDescription() + " in '" + allowedJobEnvironments + "'");
    }
  }
}
