package io.aurora.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code /maintenance}: hosts in maintenance as Aurora shows them,
 * {@code {"DRAINED": [hosts], "SCHEDULED": [hosts], "DRAINING": {"host": [task ids]}}}, in that key
 * order, as the scheduler supplies it. Leader only (followers redirect it).
 */
public final class MaintenanceHandler implements HttpHandler {
  /** The page with no host in maintenance. */
  public static final Map<String, Object> EMPTY = empty();

  private final ObjectMapper json = new ObjectMapper();
  private final Supplier<? extends Map<String, ?>> page;

  public MaintenanceHandler(Supplier<? extends Map<String, ?>> page) {
    this.page = Objects.requireNonNull(page, "page");
  }

  private static Map<String, Object> empty() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("DRAINED", List.of());
    m.put("SCHEDULED", List.of());
    m.put("DRAINING", Map.of());
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws JsonProcessingException {
    if (!exchange.getRequestMethod().equals(Methods.GET)
        && !exchange.getRequestMethod().equals(Methods.HEAD)) {
      exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send("Use GET for /maintenance\n");
      return;
    }
    String body = json.writeValueAsString(page.get());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseSender().send(body);
  }
}
