package io.aurora.log;

/** No quorum answered within the configured timeout; the outcome of the operation is unknown. */
public class LogTimeoutException extends LogException {
  private static final long serialVersionUID = 1L;

  public LogTimeoutException(String message) {
    super(message);
  }

  public LogTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
