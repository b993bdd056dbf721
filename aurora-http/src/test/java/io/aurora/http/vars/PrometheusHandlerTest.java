package io.aurora.http.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class PrometheusHandlerTest {
  @Test
  void plainRegistry_isRefusedAtConstruction() {
    assertThatThrownBy(() -> PrometheusHandler.forRegistry(new SimpleMeterRegistry()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SimpleMeterRegistry");
  }

  @Test
  void compositeWithoutPrometheus_getsOne_earlierMetersRegisteredButNotTheirPastCounts() {
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.counter("before").increment(2);
    PrometheusHandler.forRegistry(composite);
    composite.counter("after").increment();
    PrometheusMeterRegistry child = (PrometheusMeterRegistry) composite.getRegistries().iterator().next();
    // A composite without children drops recordings, so the daemon must add the child first.
    assertThat(child.scrape()).contains("before_total 0.0").contains("after_total 1.0");
    composite.counter("before").increment();
    assertThat(child.scrape()).contains("before_total 1.0");
  }
}
