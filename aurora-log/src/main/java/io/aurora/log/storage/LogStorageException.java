package io.aurora.log.storage;

/** A storage operation failed; the cause (usually an {@code IOException}) is attached. */
public class LogStorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogStorageException(String message) {
    super(message);
  }

  public LogStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
