package io.aurora.api;

import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.apiConstants;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Status groups of job updates, as unmodifiable copies of the {@code api.thrift} constants (the
 * generated {@link apiConstants} fields are mutable sets).
 */
public final class JobUpdates {

  /** An update in one of these states still owns its job: no second update may start. */
  public static final Set<JobUpdateStatus> ACTIVE_STATES =
      Collections.unmodifiableSet(EnumSet.copyOf(apiConstants.ACTIVE_JOB_UPDATE_STATES));

  /** An update in one of these states makes no progress until {@code pulseJobUpdate}. */
  public static final Set<JobUpdateStatus> AWAITING_PULSE_STATES =
      Collections.unmodifiableSet(EnumSet.copyOf(apiConstants.AWAITNG_PULSE_JOB_UPDATE_STATES));

  private JobUpdates() {}

  /** Whether an update in {@code status} is still active. */
  public static boolean isActive(JobUpdateStatus status) {
    return ACTIVE_STATES.contains(status);
  }
}
