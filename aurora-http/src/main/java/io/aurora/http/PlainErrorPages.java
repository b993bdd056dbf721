package io.aurora.http;

import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.Objects;

/**
 * Gives every error that no page answered a one-line text body, so a client never sees a bare
 * 404 or 500: unknown paths get {@code 404 Not Found: /path}, and an exception that escapes a
 * page (Undertow turns it into 500) gets {@code 500 Internal Server Error: <exception class>}. The
 * stack trace goes to the log (Undertow logs it as UT005071), never to the client.
 */
final class PlainErrorPages implements HttpHandler {
  private final HttpHandler next;

  PlainErrorPages(HttpHandler next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.addDefaultResponseListener(PlainErrorPages::fillIn);
    next.handleRequest(exchange);
  }

  private static boolean fillIn(HttpServerExchange exchange) {
    int status = exchange.getStatusCode();
    if (status < 400 || exchange.isResponseStarted()) {
      return false;
    }
    StringBuilder body = new StringBuilder().append(status).append(' ').append(StatusCodes.getReason(status));
    Throwable failure = exchange.getAttachment(DefaultResponseListener.EXCEPTION);
    if (failure != null) {
      body.append(": ").append(failure.getClass().getSimpleName());
    } else {
      body.append(": ").append(exchange.getRequestPath());
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send(body.append('\n').toString());
    return true;
  }
}
