package io.aurora.http.vars;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Deque;
import java.util.Objects;

/**
 * {@code /vars.json}: the same entries as {@code /vars} as one JSON object, keys sorted; numbers
 * are JSON numbers, booleans JSON booleans, everything else strings. {@code ?pretty=true}
 * indents the output.
 */
public final class VarsJsonHandler implements HttpHandler {
  private final ObjectMapper json = new ObjectMapper();
  private final VarsCollector collector;

  /** Renders what {@code collector} collects. */
  public VarsJsonHandler(VarsCollector collector) {
    this.collector = Objects.requireNonNull(collector, "collector");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws JsonProcessingException {
    Deque<String> pretty = exchange.getQueryParameters().get("pretty");
    boolean indent = pretty != null && "true".equalsIgnoreCase(pretty.peekFirst());
    String body =
        indent
            ? json.writerWithDefaultPrettyPrinter().writeValueAsString(collector.collect())
            : json.writeValueAsString(collector.collect());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseSender().send(body);
  }
}
