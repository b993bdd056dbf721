package io.aurora.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.http.TestServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /maintenance}: Aurora's JSON in Aurora's key order on the leader; followers redirect. */
class MaintenancePageIT {
  private final TestServer t = new TestServer();

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void leader_showsHostsByMode() throws Exception {
    assertThat(t.get("/maintenance").body())
        .isEqualTo("{\"DRAINED\":[],\"SCHEDULED\":[],\"DRAINING\":{}}");
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("DRAINED", List.of("h3"));
    page.put("SCHEDULED", List.of("h1", "h2"));
    page.put("DRAINING", Map.of("h4", List.of("task-1")));
    t.maintenance = page;
    HttpResponse<String> r = t.get("/maintenance");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    assertThat(r.body()).isEqualTo(
        "{\"DRAINED\":[\"h3\"],\"SCHEDULED\":[\"h1\",\"h2\"],\"DRAINING\":{\"h4\":[\"task-1\"]}}");
    assertThat(t.post("/maintenance").statusCode()).isEqualTo(405);
  }

  @Test
  void follower_redirectsToTheLeader() throws Exception {
    t.leader.follow("scheduler-2.example", 8081);
    HttpResponse<String> r = t.get("/maintenance");
    assertThat(r.statusCode()).isEqualTo(307);
    assertThat(r.headers().firstValue("Location"))
        .hasValue("http://scheduler-2.example:8081/maintenance");
  }
}
