package io.aurora.http.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.http.AdminServer;
import io.aurora.http.AdminServerConfig;
import io.aurora.http.TestServer;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminPagesIT {
  private final TestServer t = new TestServer();

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void health_isOkTextPlain() throws Exception {
    HttpResponse<String> r = t.get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("OK\n");
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
  }

  @Test
  void health_answersHttp10_asSupervisorsSendIt() throws Exception {
    String response = t.raw("GET /health HTTP/1.0\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.0 200");
    assertThat(response).endsWith("\r\n\r\nOK\n");
  }

  @Test
  void health_isOkOnFollowersAndWithoutLeader() throws Exception {
    t.leader.noLeader();
    assertThat(t.get("/health").body()).isEqualTo("OK\n");
    t.leader.follow("other", 8081);
    assertThat(t.get("/health").body()).isEqualTo("OK\n");
  }

  @Test
  void leaderHealth_followsLeadership() throws Exception {
    HttpResponse<String> leading = t.get("/leaderhealth");
    assertThat(leading.statusCode()).isEqualTo(200);
    assertThat(leading.body()).startsWith("Current status: LEADING");

    t.leader.follow("scheduler-2", 8081);
    HttpResponse<String> following = t.get("/leaderhealth");
    assertThat(following.statusCode()).isEqualTo(503);
    assertThat(following.body()).contains("NOT_LEADING").contains("scheduler-2:8081");

    t.leader.noLeader();
    HttpResponse<String> none = t.get("/leaderhealth");
    assertThat(none.statusCode()).isEqualTo(502);
    assertThat(none.body()).startsWith("Current status: NO_LEADER");
  }

  @Test
  void quitquitquit_postCallsShutdownHookOnce() throws Exception {
    HttpResponse<String> r = t.post("/quitquitquit");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("Shutting down.\n");
    assertThat(t.shutdownCalled.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
    assertThat(t.shutdowns.get()).isEqualTo(1);
    assertThat(t.aborts.get()).isZero();
  }

  @Test
  void abortabortabort_postCallsAbortHook() throws Exception {
    HttpResponse<String> r = t.post("/abortabortabort");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("Aborting.\n");
    assertThat(t.abortCalled.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
    assertThat(t.aborts.get()).isEqualTo(1);
    assertThat(t.shutdowns.get()).isZero();
  }

  @Test
  void hooks_refuseGet() throws Exception {
    HttpResponse<String> quit = t.get("/quitquitquit");
    HttpResponse<String> abort = t.get("/abortabortabort");
    assertThat(quit.statusCode()).isEqualTo(405);
    assertThat(abort.statusCode()).isEqualTo(405);
    assertThat(quit.headers().firstValue("Allow")).hasValue("POST");
    assertThat(t.shutdowns.get() + t.aborts.get()).isZero();
  }

  @Test
  void unknownPath_is404() throws Exception {
    HttpResponse<String> r = t.get("/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).isEqualTo("404 Not Found: /nope\n");
  }

  @Test
  void port_isBoundAndReleasedOnStop() throws Exception {
    int port = t.server.port();
    assertThat(port).isPositive();
    t.close();
    assertThatThrownBy(t.server::port).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
    assertThatThrownBy(t.server::start).hasMessageContaining("stopped");
    t.close(); // a second stop is harmless
  }

  @Test
  void config_rejectsBadValues() {
    assertThatThrownBy(() -> new AdminServerConfig("127.0.0.1", 70000, 1, 1, 1))
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> new AdminServerConfig("127.0.0.1", 0, 4, 2, 1))
        .hasMessageContaining("-http_api_max_in_flight");
  }

  @Test
  void server_startsOnlyOnce() {
    assertThatThrownBy(t.server::start).isInstanceOf(IllegalStateException.class);
    AdminServer unstarted = t.server;
    assertThat(unstarted.port()).isPositive();
  }
}
