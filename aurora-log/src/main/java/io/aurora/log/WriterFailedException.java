package io.aurora.log;

/** A writer lost its promise (another writer was elected) or failed; its pending appends were not acknowledged. */
public class WriterFailedException extends LogException {
  private static final long serialVersionUID = 1L;

  public WriterFailedException(String message) {
    super(message);
  }

  public WriterFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
