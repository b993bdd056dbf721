package io.aurora.http;

import java.util.Objects;

/**
 * What {@code /quitquitquit} and {@code /abortabortabort} trigger. Each hook runs after its
 * response has been sent, on an Undertow thread: it must return promptly and must not wait for
 * the admin server to stop (do that on another thread).
 *
 * @param shutdown a graceful shutdown of the daemon
 * @param abort an immediate stop; in production {@link #HALT}
 */
public record AdminHooks(Runnable shutdown, Runnable abort) {
  /** Aurora's abort: halt the JVM with status 0 at once, without shutdown hooks. */
  public static final Runnable HALT = () -> Runtime.getRuntime().halt(0);

  /** Checks nulls. */
  public AdminHooks {
    Objects.requireNonNull(shutdown, "shutdown");
    Objects.requireNonNull(abort, "abort");
  }
}
