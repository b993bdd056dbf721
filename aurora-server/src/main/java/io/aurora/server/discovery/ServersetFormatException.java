package io.aurora.server.discovery;

/**
 * A serverset member node whose bytes are not the JSON Aurora writes; the message says what is
 * wrong.
 */
public final class ServersetFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ServersetFormatException(String message) {
    super(message);
  }

  ServersetFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
