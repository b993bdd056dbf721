package io.aurora.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.http.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /cron}: Aurora's JSON on the leader, a redirect to it from followers. */
class CronPageIT {
  private final TestServer t = new TestServer();

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void leader_listsScheduledJobs() throws Exception {
    assertThat(t.get("/cron").body()).isEqualTo("{\"scheduled\":{}}");
    t.cronJobs.put("www/prod/report", "0 9 * * 1-5");
    t.cronJobs.put("alice/devel/backup", "*/5 * * * *");
    HttpResponse<String> r = t.get("/cron");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    assertThat(r.body()).isEqualTo("{\"scheduled\":{\"alice/devel/backup\":\"*/5 * * * *\","
        + "\"www/prod/report\":\"0 9 * * 1-5\"}}");
  }

  @Test
  void follower_redirectsToTheLeader_unlessAskedToBypass() throws Exception {
    t.cronJobs.put("www/prod/report", "0 9 * * 1-5");
    t.leader.follow("scheduler-2.example", 8081);
    HttpResponse<String> r = t.get("/cron");
    assertThat(r.statusCode()).isEqualTo(307);
    assertThat(r.headers().firstValue("Location")).hasValue("http://scheduler-2.example:8081/cron");

    HttpResponse<String> local = t.client.send(HttpRequest.newBuilder(t.uri("/cron"))
        .timeout(Duration.ofSeconds(10)).header("Bypass-Leader-Redirect", "true").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(local.body()).contains("www/prod/report");
  }

  @Test
  void post_isRefused() throws Exception {
    assertThat(t.post("/cron").statusCode()).isEqualTo(405);
  }
}
