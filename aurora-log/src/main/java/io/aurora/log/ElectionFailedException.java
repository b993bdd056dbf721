package io.aurora.log;

/** No election attempt won a quorum of promises in time. */
public class ElectionFailedException extends LogException {
  private static final long serialVersionUID = 1L;

  public ElectionFailedException(String message) {
    super(message);
  }

  public ElectionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
