package io.aurora.scheduling.thrift;

/** A caller mistake; answered with INVALID_REQUEST and this message. */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }

  /** Throws with {@code message} unless {@code condition}. */
  static void check(boolean condition, String message) {
    if (!condition) {
      throw new InvalidRequestException(message);
    }
  }
}
