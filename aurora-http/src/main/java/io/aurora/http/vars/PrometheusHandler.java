package io.aurora.http.vars;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Objects;

/**
 * {@code /metrics}: the Prometheus text format (0.0.4) of the same meters {@code /vars} shows.
 *
 * <p>Prometheus needs its own registry to keep its sample state, so the one injected registry
 * must be (or contain) a {@link PrometheusMeterRegistry}: {@link #forRegistry} uses it directly if
 * it is one, uses the Prometheus child of a {@link CompositeMeterRegistry}, and otherwise adds a
 * new Prometheus child to the composite (a composite hands every meter, old and new, to each
 * child). The daemon should inject a composite holding a Prometheus registry; any other registry
 * type is refused at construction, so a misconfiguration fails at start, not at scrape time.
 *
 * <p>Caveat: a composite with no children discards recordings (its meters are no-ops until a
 * child exists), so a Prometheus child added here starts every earlier meter from zero. Build the
 * composite with its Prometheus child before anything registers meters.
 */
public final class PrometheusHandler implements HttpHandler {
  /** The media type of the Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry prometheus;

  /** Scrapes {@code prometheus}. */
  public PrometheusHandler(PrometheusMeterRegistry prometheus) {
    this.prometheus = Objects.requireNonNull(prometheus, "prometheus");
  }

  /** Finds or attaches the Prometheus registry behind {@code registry}, as described above. */
  public static PrometheusHandler forRegistry(MeterRegistry registry) {
    if (registry instanceof PrometheusMeterRegistry p) {
      return new PrometheusHandler(p);
    }
    if (registry instanceof CompositeMeterRegistry composite) {
      for (MeterRegistry child : composite.getRegistries()) {
        if (child instanceof PrometheusMeterRegistry p) {
          return new PrometheusHandler(p);
        }
      }
      PrometheusMeterRegistry added = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      composite.add(added);
      return new PrometheusHandler(added);
    }
    throw new IllegalArgumentException(
        "/metrics needs a PrometheusMeterRegistry or a CompositeMeterRegistry, got "
            + registry.getClass().getName());
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
    exchange.getResponseSender().send(prometheus.scrape());
  }
}
