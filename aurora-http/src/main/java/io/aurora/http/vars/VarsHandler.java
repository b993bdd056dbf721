package io.aurora.http.vars;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /vars}: {@code text/plain}, one {@code name value} line per entry (a single space), sorted
 * by name, each line ending in {@code \n}. Integers print without a fraction.
 */
public final class VarsHandler implements HttpHandler {
  private final VarsCollector collector;

  /** Renders what {@code collector} collects. */
  public VarsHandler(VarsCollector collector) {
    this.collector = Objects.requireNonNull(collector, "collector");
  }

  /** The page body for a snapshot. */
  public static String render(Map<String, Object> vars) {
    StringBuilder out = new StringBuilder(vars.size() * 32);
    vars.forEach((name, value) -> out.append(name).append(' ').append(value).append('\n'));
    return out.toString();
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send(render(collector.collect()));
  }
}
