package io.aurora.scheduling.updater;

import io.aurora.gen.StartJobUpdateResult;
import java.util.Optional;

/**
 * An update call the updater refuses because of what it asks for or what the job is doing (a
 * second update of a job, an ended update, an unknown key, a cron job): the caller's mistake,
 * answered with INVALID_REQUEST and this message.
 */
public final class UpdateRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient StartJobUpdateResult activeUpdate;

  public UpdateRefusedException(String message) {
    this(message, null);
  }

  /**
   * @param activeUpdate the job's update in progress, when the refusal is that one exists: a
   *     client that retries a start compares its metadata with what it sent
   */
  public UpdateRefusedException(String message, StartJobUpdateResult activeUpdate) {
    super(message);
    this.activeUpdate = activeUpdate;
  }

  /** The job's update in progress, if the refusal is that one exists. */
  public Optional<StartJobUpdateResult> activeUpdate() {
    return Optional.ofNullable(activeUpdate);
  }
}
