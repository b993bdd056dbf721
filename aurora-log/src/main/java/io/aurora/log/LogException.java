package io.aurora.log;

/** The root of the log's errors; the cause, if any, is attached. */
public class LogException extends Exception {
  private static final long serialVersionUID = 1L;

  public LogException(String message) {
    super(message);
  }

  public LogException(String message, Throwable cause) {
    super(message, cause);
  }
}
