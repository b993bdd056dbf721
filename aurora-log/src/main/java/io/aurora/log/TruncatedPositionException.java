package io.aurora.log;

/** A read or follow asked for a position that a truncation removed. */
public class TruncatedPositionException extends LogException {
  private static final long serialVersionUID = 1L;

  public TruncatedPositionException(String message) {
    super(message);
  }

  public TruncatedPositionException(String message, Throwable cause) {
    super(message, cause);
  }
}
