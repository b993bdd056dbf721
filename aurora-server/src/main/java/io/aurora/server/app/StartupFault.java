package io.aurora.server.app;

/**
 * A fault of the environment or the configuration that stops the scheduler from starting: an
 * unreachable ZooKeeper, a log directory it cannot use, a port in use. Its message is the one line
 * the operator reads: what is wrong, which flag sets it, and what to do. It is logged without a
 * stack trace, because the trace would only point into our own code; the cause stays attached for
 * a debugger.
 */
public final class StartupFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupFault(String message) {
    super(message);
  }

  public StartupFault(String message, Throwable cause) {
    super(message, cause);
  }
}
