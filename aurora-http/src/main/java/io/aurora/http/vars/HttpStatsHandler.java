package io.aurora.http.vars;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request, whatever page served it, into a Timer named {@code http_<status>_responses}
 * (one per status code), so {@code /vars} shows Aurora's {@code http_500_responses_events} and
 * {@code http_500_responses_nanos_total}. Time runs from when this handler sees the request until
 * the exchange completes, on the registry's monotonic clock.
 */
public final class HttpStatsHandler implements HttpHandler {
  private final MeterRegistry registry;
  private final HttpHandler next;
  private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

  /** Times requests handled by {@code next}. */
  public HttpStatsHandler(MeterRegistry registry, HttpHandler next) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long start = registry.config().clock().monotonicTime();
    exchange.addExchangeCompleteListener(
        (ex, nextListener) -> {
          try {
            long elapsed = registry.config().clock().monotonicTime() - start;
            timer(ex.getStatusCode()).record(elapsed, TimeUnit.NANOSECONDS);
          } finally {
            nextListener.proceed();
          }
        });
    next.handleRequest(exchange);
  }

  private Timer timer(int status) {
    return timers.computeIfAbsent(
        status, s -> Timer.builder("http_" + s + "_responses").register(registry));
  }
}
