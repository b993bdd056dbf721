package io.aurora.log.transport;

/** The transport could not be set up (for example, the replica port could not be bound). */
public final class TransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
