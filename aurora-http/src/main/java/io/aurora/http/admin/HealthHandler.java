package io.aurora.http.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * {@code /health}: always 200 with the body {@code OK\n}. Supervisors (monit, the deployment guide)
 * compare the body byte for byte, so it never changes, and it answers HTTP/1.0 requests too.
 */
public final class HealthHandler implements HttpHandler {
  /** The exact body supervisors expect. */
  public static final String BODY = "OK\n";

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send(BODY);
  }
}
