package io.aurora.storage.durable;

import io.aurora.storage.StorageException;

/**
 * A log record could not be decoded, or a framed entry's checksum did not match: the log holds
 * something this storage cannot apply, so recovery stops rather than build a wrong state.
 */
public class CorruptEntryException extends StorageException {
  private static final long serialVersionUID = 1L;

  public CorruptEntryException(String message) {
    super(message);
  }

  public CorruptEntryException(String message, Throwable cause) {
    super(message, cause);
  }
}
