package io.aurora.scheduling.update;

import io.aurora.gen.JobUpdateAction;

/** The instance actions of each direction of an update. */
final class UpdateActions {
  private UpdateActions() {}

  /** An instance started: INSTANCE_UPDATING forward, INSTANCE_ROLLING_BACK backward. */
  static JobUpdateAction working(boolean forward) {
    return forward ? JobUpdateAction.INSTANCE_UPDATING : JobUpdateAction.INSTANCE_ROLLING_BACK;
  }

  /** An instance done: INSTANCE_UPDATED forward, INSTANCE_ROLLED_BACK backward. */
  static JobUpdateAction succeeded(boolean forward) {
    return forward ? JobUpdateAction.INSTANCE_UPDATED : JobUpdateAction.INSTANCE_ROLLED_BACK;
  }

  /** An instance failed: INSTANCE_UPDATE_FAILED forward, INSTANCE_ROLLBACK_FAILED backward. */
  static JobUpdateAction failed(boolean forward) {
    return forward ? JobUpdateAction.INSTANCE_UPDATE_FAILED
        : JobUpdateAction.INSTANCE_ROLLBACK_FAILED;
  }
}
