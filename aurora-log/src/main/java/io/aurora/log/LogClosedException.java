package io.aurora.log;

/** The log (or the replica behind it) was closed. */
public class LogClosedException extends LogException {
  private static final long serialVersionUID = 1L;

  public LogClosedException(String message) {
    super(message);
  }

  public LogClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
