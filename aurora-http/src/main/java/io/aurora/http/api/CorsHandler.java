package io.aurora.http.api;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Objects;
import java.util.Optional;

/**
 * Lets a browser page from one origin call {@code /api} ({@code -enable_cors_for}, as in Aurora):
 * every answer carries {@code Access-Control-Allow-Origin}, and a preflight ({@code OPTIONS}) is
 * answered here with the methods and headers {@code /api} accepts, without reaching the API.
 */
public final class CorsHandler implements HttpHandler {
  static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
  static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
  static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
  static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
  static final HttpString REQUEST_HEADERS = new HttpString("Access-Control-Request-Headers");
  private static final HttpString VARY = new HttpString("Vary");

  /** A day: browsers cap it lower anyway, and the answer only changes with a restart. */
  static final String PREFLIGHT_MAX_AGE_SECONDS = "86400";

  private final String origin;
  private final HttpHandler next;

  private CorsHandler(String origin, HttpHandler next) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.next = Objects.requireNonNull(next, "next");
  }

  /** {@code next} behind CORS for {@code origin}, or {@code next} itself when no origin is set. */
  public static HttpHandler wrap(Optional<String> origin, HttpHandler next) {
    return origin.<HttpHandler>map(o -> new CorsHandler(o, next)).orElse(next);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.getResponseHeaders().put(ALLOW_ORIGIN, origin);
    if (!"*".equals(origin)) {
      // The answer depends on the origin: caches must not hand it to another.
      exchange.getResponseHeaders().put(VARY, "Origin");
    }
    if (!exchange.getRequestMethod().equals(Methods.OPTIONS)) {
      next.handleRequest(exchange);
      return;
    }
    String asked = exchange.getRequestHeaders().getFirst(REQUEST_HEADERS);
    exchange.getResponseHeaders()
        .put(ALLOW_METHODS, "POST, GET, OPTIONS")
        .put(ALLOW_HEADERS, asked == null || asked.isBlank() ? "Content-Type" : asked)
        .put(MAX_AGE, PREFLIGHT_MAX_AGE_SECONDS);
    exchange.setStatusCode(StatusCodes.NO_CONTENT);
    exchange.endExchange();
  }
}
