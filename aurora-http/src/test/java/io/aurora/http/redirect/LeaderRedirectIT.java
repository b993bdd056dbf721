package io.aurora.http.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.http.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaderRedirectIT {
  private final TestServer t = new TestServer();

  @AfterEach
  void stop() {
    t.close();
  }

  private HttpResponse<String> post(String path, boolean bypass) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(t.uri(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/vnd.apache.thrift.json")
        .POST(HttpRequest.BodyPublishers.ofString("[1,\"getRoleSummary\",1,0,{}]"));
    if (bypass) {
      b.header("Bypass-Leader-Redirect", "true");
    }
    return t.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void follower_redirectsLeaderPages_keepingPathAndQuery() throws Exception {
    t.leader.follow("scheduler-2.example", 8081);
    HttpResponse<String> api = post("/api", false);
    assertThat(api.statusCode()).isEqualTo(307);
    assertThat(api.headers().firstValue("Location")).hasValue("http://scheduler-2.example:8081/api");
    assertThat(t.api.calls).isEmpty();

    HttpResponse<String> quotas = t.get("/quotas?role=www-data&x=1");
    assertThat(quotas.statusCode()).isEqualTo(307);
    assertThat(quotas.headers().firstValue("Location"))
        .hasValue("http://scheduler-2.example:8081/quotas?role=www-data&x=1");

    HttpResponse<String> assets = t.get("/assets/scheduler/index.html");
    assertThat(assets.headers().firstValue("Location"))
        .hasValue("http://scheduler-2.example:8081/assets/scheduler/index.html");
  }

  @Test
  void follower_withBypassHeader_servesLocally() throws Exception {
    t.leader.follow("scheduler-2.example", 8081);
    HttpResponse<String> api = post("/api", true);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(t.api.calls).containsExactly("getRoleSummary");
  }

  @Test
  void noLeader_is503WithMessage() throws Exception {
    t.leader.noLeader();
    HttpResponse<String> api = post("/api", false);
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(api.body()).contains("No leading scheduler").contains("/api");
    assertThat(t.api.calls).isEmpty();
  }

  @Test
  void leader_servesItself() throws Exception {
    assertThat(post("/api", false).statusCode()).isEqualTo(200);
    assertThat(t.get("/quotas").statusCode()).isEqualTo(404); // served locally: no such page here yet
  }

  @Test
  void localPages_areNeverRedirected() throws Exception {
    for (boolean noLeader : new boolean[] {false, true}) {
      if (noLeader) {
        t.leader.noLeader();
      } else {
        t.leader.follow("scheduler-2.example", 8081);
      }
      for (String p : new String[] {"/health", "/vars", "/vars.json", "/metrics"}) {
        assertThat(t.get(p).statusCode()).as(p).isEqualTo(200);
      }
      assertThat(t.get("/leaderhealth").statusCode()).isIn(502, 503);
      assertThat(t.get("/quitquitquit").statusCode()).isEqualTo(405);
      assertThat(t.get("/abortabortabort").statusCode()).isEqualTo(405);
    }
  }
}
