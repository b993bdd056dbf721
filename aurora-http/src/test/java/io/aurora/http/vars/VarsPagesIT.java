package io.aurora.http.vars;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.http.TestServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VarsPagesIT {
  private final TestServer t = new TestServer();

  @BeforeEach
  void meters() {
    Timer.builder("scheduler_log_native_append").register(t.registry).record(4500, TimeUnit.MICROSECONDS);
    t.registry.counter("scheduler_resource_offers").increment(3);
    Gauge.builder("framework_registered", () -> 1.0).register(t.registry);
    Gauge.builder("task_store", () -> 2).tag("status", "RUNNING").register(t.registry);
    Gauge.builder("task_store", () -> 0).tag("status", "LOST").register(t.registry);
    t.extraVars.put("jvm_uptime_secs", 42L);
    t.extraVars.put("native_log_quorum_size", 2);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void vars_isSortedNameValueLines() throws Exception {
    HttpResponse<String> r = t.get("/vars");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    List<String> lines = Arrays.asList(r.body().split("\n", -1));
    assertThat(lines.get(lines.size() - 1)).isEmpty();
    List<String> body = lines.subList(0, lines.size() - 1);
    assertThat(body)
        .contains(
            "framework_registered 1",
            "jvm_uptime_secs 42",
            "native_log_quorum_size 2",
            "scheduler_log_native_append_events 1",
            "scheduler_log_native_append_nanos_total 4500000",
            "scheduler_resource_offers 3",
            "task_store_LOST 0",
            "task_store_RUNNING 2");
    assertThat(body).isSorted();
    assertThat(body).allMatch(l -> l.matches("[A-Za-z0-9_]+ \\S+"));
  }

  @Test
  void everyResponse_isTimedByStatus() throws Exception {
    t.get("/health");
    t.get("/nope");
    t.get("/health");
    String vars = t.get("/vars").body();
    assertThat(vars).contains("http_200_responses_events 2\n", "http_404_responses_events 1\n");
    assertThat(vars).containsPattern("(?m)^http_404_responses_nanos_total [1-9][0-9]*$");
  }

  @Test
  void failingExtras_give500WithMessage_notAStackTrace() throws Exception {
    try (TestServer broken = new TestServer()) {
      broken.extraVars.put("bad", new Object() {
        @Override
        public String toString() {
          throw new IllegalStateException("secret internals");
        }
      });
      HttpResponse<String> r = broken.get("/vars");
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).isEqualTo("500 Internal Server Error: IllegalStateException\n");
      assertThat(broken.get("/health").body()).isEqualTo("OK\n");
    }
  }

  @Test
  void varsJson_isTheSameAsAnObject() throws Exception {
    HttpResponse<String> r = t.get("/vars.json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(r.body()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(r.body());
    assertThat(json.get("scheduler_log_native_append_nanos_total").isIntegralNumber()).isTrue();
    assertThat(json.get("scheduler_log_native_append_nanos_total").asLong()).isEqualTo(4_500_000L);
    assertThat(json.get("task_store_RUNNING").asLong()).isEqualTo(2);
    assertThat(json.get("jvm_uptime_secs").asLong()).isEqualTo(42);
    assertThat(r.body()).contains("\"framework_registered\":1,");
  }

  @Test
  void varsJson_prettyPrints() throws Exception {
    String pretty = t.get("/vars.json?pretty=true").body();
    assertThat(pretty).contains("\n").contains("\"framework_registered\" : 1");
    assertThat(new ObjectMapper().readTree(pretty).get("scheduler_resource_offers").asLong()).isEqualTo(3);
  }

  @Test
  void metrics_isPrometheusTextOfTheSameMeters() throws Exception {
    HttpResponse<String> r = t.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("version=0.0.4"));
    assertThat(r.body())
        .contains("# TYPE scheduler_resource_offers_total counter")
        .contains("scheduler_resource_offers_total 3.0")
        .contains("task_store{status=\"RUNNING\"} 2.0")
        .contains("scheduler_log_native_append_seconds_count 1");
  }
}
