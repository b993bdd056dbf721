package io.aurora.http.vars;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VarsCollectorTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
  private final Map<String, Object> extras = new LinkedHashMap<>();
  private final VarsCollector collector = new VarsCollector(registry, () -> extras);

  private String page() {
    return VarsHandler.render(collector.collect());
  }

  @Test
  void timer_rendersNanosTotalAndEvents() {
    Timer t = registry.timer("scheduler_log_native_append");
    t.record(3, TimeUnit.MILLISECONDS);
    t.record(1500, TimeUnit.MICROSECONDS);
    assertThat(page())
        .isEqualTo("scheduler_log_native_append_events 2\n"
            + "scheduler_log_native_append_nanos_total 4500000\n");
  }

  @Test
  void counter_rendersCountWithoutFraction() {
    registry.counter("scheduler_resource_offers").increment(7);
    assertThat(page()).isEqualTo("scheduler_resource_offers 7\n");
  }

  @Test
  void gauge_rendersValue_integralOrNot() {
    AtomicLong registered = registry.gauge("framework_registered", new AtomicLong(1));
    Gauge.builder("system_load_avg", () -> 0.25).register(registry);
    assertThat(registered).isNotNull();
    assertThat(page()).isEqualTo("framework_registered 1\nsystem_load_avg 0.25\n");
  }

  @Test
  void tags_foldIntoTheNameAsValuesInKeyOrder() {
    Gauge.builder("task_store", () -> 3).tag("status", "RUNNING").register(registry);
    Gauge.builder("task_store", () -> 0).tag("status", "LOST").register(registry);
    Counter.builder("a").tag("y", "2").tag("x", "1").register(registry).increment();
    Gauge.builder("scheduler_lifecycle", () -> 1).tag("state", "LEADER_AWAITING_REGISTRATION").register(registry);
    assertThat(page())
        .isEqualTo("a_1_2 1\n"
            + "scheduler_lifecycle_LEADER_AWAITING_REGISTRATION 1\n"
            + "task_store_LOST 0\n"
            + "task_store_RUNNING 3\n");
  }

  @Test
  void dottedNamesAndOddCharacters_becomeUnderscores() {
    Counter.builder("jvm.gc.pause").tag("cause", "G1 Evacuation-Pause").register(registry).increment(2);
    assertThat(page()).isEqualTo("jvm_gc_pause_G1_Evacuation_Pause 2\n");
  }

  @Test
  void distributionSummary_rendersTotalAndEvents() {
    DistributionSummary s = registry.summary("batch_size");
    s.record(2);
    s.record(3.5);
    assertThat(page()).isEqualTo("batch_size_events 2\nbatch_size_total 5.5\n");
  }

  @Test
  void extras_areMergedSortedAndNeverOverrideMeters() {
    registry.counter("http_port").increment(1);
    extras.put("jvm_uptime_secs", 12L);
    extras.put("http_port", 8081);
    extras.put("enable_preemptor", true);
    extras.put("min_offer_hold_time", "5mins");
    extras.put("some_ratio", 1.0);
    assertThat(page())
        .isEqualTo("enable_preemptor true\n"
            + "http_port 1\n"
            + "jvm_uptime_secs 12\n"
            + "min_offer_hold_time 5mins\n"
            + "some_ratio 1\n");
  }

  @Test
  void normalize_keepsFractionsAndNonFinite() {
    assertThat(VarsCollector.normalize(2.0)).isEqualTo(2L);
    assertThat(VarsCollector.normalize(-3f)).isEqualTo(-3L);
    assertThat(VarsCollector.normalize(0.5)).isEqualTo(0.5);
    assertThat(VarsCollector.normalize(Double.NaN)).isEqualTo(Double.NaN);
    assertThat(VarsCollector.normalize(1e300)).isEqualTo(1e300);
    assertThat(VarsCollector.normalize(null)).isEqualTo("null");
  }
}
