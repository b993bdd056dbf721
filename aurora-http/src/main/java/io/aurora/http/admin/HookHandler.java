package io.aurora.http.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Objects;

/**
 * A POST-only page that answers, then calls a lifecycle hook: {@code /quitquitquit} (graceful
 * shutdown) and {@code /abortabortabort} (halt). Other methods get 405, so a crawler or a browser
 * prefetch never stops the scheduler.
 *
 * <p>The hook runs after the response has been written, on the thread that completed the
 * exchange; it must return promptly and must not wait for this HTTP server to stop (stopping
 * Undertow waits for its own threads). The daemon's hooks hand the work to another thread.
 */
public final class HookHandler implements HttpHandler {
  private final String message;
  private final Runnable hook;

  /**
   * @param message the body sent before the hook runs, e.g. {@code "Shutting down.\n"}
   * @param hook what the page triggers
   */
  public HookHandler(String message, Runnable hook) {
    this.message = Objects.requireNonNull(message, "message");
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    if (!exchange.getRequestMethod().equals(Methods.POST)) {
      exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
      exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
      exchange.getResponseSender().send("Use POST for " + exchange.getRequestPath() + "\n");
      return;
    }
    exchange.addExchangeCompleteListener(
        (ex, next) -> {
          try {
            next.proceed();
          } finally {
            hook.run();
          }
        });
    exchange.getResponseSender().send(message);
  }
}
