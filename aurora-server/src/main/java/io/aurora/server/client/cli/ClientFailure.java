package io.aurora.server.client.cli;

/**
 * Ends a command with an exit status and one line for the user (printed as {@code aurora: <message>}
 * on stderr, never with a stack trace). Commands throw it for every outcome a user or the network
 * can cause; the status is one of {@link ExitCodes}.
 */
public final class ClientFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public ClientFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public ClientFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A job file or setting is wrong ({@link ExitCodes#INVALID_CONFIGURATION}). */
  public static ClientFailure invalidConfiguration(String message) {
    return new ClientFailure(ExitCodes.INVALID_CONFIGURATION, message);
  }

  /** An argument names nothing usable ({@link ExitCodes#INVALID_PARAMETER}). */
  public static ClientFailure invalidParameter(String message) {
    return new ClientFailure(ExitCodes.INVALID_PARAMETER, message);
  }

  /** The exit status of the command. */
  public int exitCode() {
    return exitCode;
  }
}
