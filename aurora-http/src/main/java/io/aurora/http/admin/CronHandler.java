package io.aurora.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code /cron}: the cron jobs this scheduler has scheduled, as Aurora shows them:
 * {@code {"scheduled": {"role/env/name": "<schedule>"}}}, keys sorted, schedules in Aurora's
 * canonical form. Leader only (a follower schedules nothing, and redirects the page).
 */
public final class CronHandler implements HttpHandler {
  private final ObjectMapper json = new ObjectMapper();
  private final Supplier<? extends Map<String, String>> scheduled;

  /** @param scheduled the scheduled jobs, {@code role/env/name} to schedule */
  public CronHandler(Supplier<? extends Map<String, String>> scheduled) {
    this.scheduled = Objects.requireNonNull(scheduled, "scheduled");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws JsonProcessingException {
    if (!exchange.getRequestMethod().equals(Methods.GET)
        && !exchange.getRequestMethod().equals(Methods.HEAD)) {
      exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send("Use GET for /cron\n");
      return;
    }
    String body = json.writeValueAsString(Map.of("scheduled", new TreeMap<>(scheduled.get())));
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseSender().send(body);
  }
}
