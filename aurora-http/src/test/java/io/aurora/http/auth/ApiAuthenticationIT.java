package io.aurora.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.http.AdminHooks;
import io.aurora.http.AdminServer;
import io.aurora.http.AdminServerConfig;
import io.aurora.http.FakeLeaderLocator;
import io.aurora.http.LeaderPages;
import io.aurora.scheduling.auth.AuditLog;
import io.aurora.scheduling.auth.SecuredApi;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api} and the stopping pages with HTTP Basic and the INI realm, over real HTTP. */
class ApiAuthenticationIT {
  private static final String BINARY = "application/vnd.apache.thrift.binary";
  private static final String JSON = "application/vnd.apache.thrift.json";

  private final SchedulerHarness h = new SchedulerHarness();
  private final List<String> audit = new CopyOnWriteArrayList<>();
  private final AtomicInteger shutdowns = new AtomicInteger();
  private final AdminServer server;

  ApiAuthenticationIT() {
    SecuredApi secured = new SecuredApi(SecurityFixtures.service(h), new AuditLog(audit::add));
    server = new AdminServer(new AdminServerConfig("127.0.0.1", 0, 2, 16, 64 * 1024),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Map::of,
        FakeLeaderLocator.leading(), secured::forCaller, SecurityFixtures.authenticator(),
        new AdminHooks(shutdowns::incrementAndGet, () -> { }),
        new LeaderPages(Map::of), Thread::new);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private AuroraAdmin.Client client(String contentType, String userColonPassword) throws Exception {
    String authorization = userColonPassword == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    AuthedHttpTransport http = new AuthedHttpTransport(
        java.net.URI.create("http://127.0.0.1:" + server.port() + "/api"), contentType, authorization);
    TProtocol protocol = contentType.equals(BINARY)
        ? new TBinaryProtocol(http) : new TJSONProtocol(http);
    return new AuroraAdmin.Client(protocol);
  }

  @Test
  void withoutCredentials_readsWork_andChangesGet401_inBothProtocols() throws Exception {
    for (String type : List.of(BINARY, JSON)) {
      assertThat(client(type, null).getRoleSummary().getResponseCode()).isEqualTo(ResponseCode.OK);
      AuroraAdmin.Client anonymous = client(type, null);
      assertThatThrownBy(() -> anonymous.killTasks(SecurityFixtures.WEB, Set.of(), null))
          .isInstanceOf(TTransportException.class)
          .hasMessage("HTTP 401 Basic realm=\"Apache Aurora Scheduler\"");
    }
    assertThat(audit).isEmpty();   // never reached the API
  }

  @Test
  void theChallenge_isSent_withAOneLineReason() throws Exception {
    String reply = raw("POST /api HTTP/1.0\r\nContent-Type: " + BINARY
        + "\r\nContent-Length: 0\r\nAuthorization: Basic " + Base64.getEncoder()
        .encodeToString("root:wrong".getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n");
    assertThat(reply).startsWith("HTTP/1.0 401")
        .contains("WWW-Authenticate: Basic realm=\"Apache Aurora Scheduler\"")
        .contains("Invalid user name or password").doesNotContain("wrong");
  }

  @Test
  void wrongPassword_is401_evenForReads() throws Exception {
    AuroraAdmin.Client wrong = client(JSON, "engineer:nope");
    assertThatThrownBy(wrong::getRoleSummary).hasMessageContaining("401");
  }

  @Test
  void aUserWithoutThePermission_getsAuthFailedNamingIt_inBothProtocols() throws Exception {
    for (String type : List.of(BINARY, JSON)) {
      Response r = client(type, "deployer:d3ploy").killTasks(SecurityFixtures.OTHER, Set.of(), null);
      assertThat(r.getResponseCode()).isEqualTo(ResponseCode.AUTH_FAILED);
      assertThat(r.getDetails().get(0).getMessage())
          .contains("thrift.AuroraSchedulerManager:killTasks:ads:prod:other");
      Response ok = client(type, "deployer:d3ploy").killTasks(SecurityFixtures.WEB, Set.of(), null);
      assertThat(ok.getResponseCode()).isEqualTo(ResponseCode.OK);
    }
    assertThat(audit).containsExactly(
        "user=deployer method=killTasks target=ads/prod/other result=AUTH_FAILED",
        "user=deployer method=killTasks target=ads/prod/web result=OK",
        "user=deployer method=killTasks target=ads/prod/other result=AUTH_FAILED",
        "user=deployer method=killTasks target=ads/prod/web result=OK");
  }

  @Test
  void quitquitquit_needsAnAdministrator() throws Exception {
    assertThat(raw("POST /quitquitquit HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 401");
    assertThat(raw("POST /quitquitquit HTTP/1.0\r\n" + auth("engineer:w0rk") + "\r\n"))
        .startsWith("HTTP/1.0 403").contains("missing permission thrift.AuroraAdmin:*");
    assertThat(raw("POST /abortabortabort HTTP/1.0\r\n" + auth("backupsvc:b4ckup") + "\r\n"))
        .startsWith("HTTP/1.0 403");
    assertThat(shutdowns).hasValue(0);
    assertThat(raw("POST /quitquitquit HTTP/1.0\r\n" + auth("root:secret") + "\r\n"))
        .startsWith("HTTP/1.0 200");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> shutdowns.get() == 1);
  }

  /**
   * Random and hostile {@code Authorization} headers, sent as raw bytes (not necessarily UTF-8)
   * with a kill: never a 500, never the kill.
   */
  @Test
  void fuzzedAuthorizationHeaders_neverGetA500_norAccess() throws Exception {
    byte[] kill = killBody();
    Random random = new Random(7L);
    for (int i = 0; i < 60; i++) {
      byte[] value = new byte[1 + random.nextInt(i % 10 == 0 ? 20_000 : 80)];
      random.nextBytes(value);
      for (int j = 0; j < value.length; j++) {
        if (value[j] == '\r' || value[j] == '\n') {
          value[j] = 'x';
        }
      }
      byte[] prefix = (i % 3 == 0 ? "Basic " : i % 3 == 1 ? "Basic " + Base64.getEncoder()
          .encodeToString("root:".getBytes(StandardCharsets.UTF_8)) : "").getBytes(StandardCharsets.US_ASCII);
      String status = rawBytes(prefix, value, kill);
      assertThat(status).as("seed 7, request %d", i).matches("HTTP/1\\.[01] (400|401|431).*");
    }
    assertThat(audit).isEmpty();
  }

  private static String auth(String userColonPassword) {
    return "Authorization: Basic " + Base64.getEncoder()
        .encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)) + "\r\n";
  }

  private static byte[] killBody() throws Exception {
    org.apache.thrift.transport.TMemoryBuffer buffer = new org.apache.thrift.transport.TMemoryBuffer(256);
    new AuroraAdmin.Client(new TBinaryProtocol(buffer)).send_killTasks(SecurityFixtures.WEB, Set.of(), "x");
    return java.util.Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /** The status line of a binary kill with {@code Authorization: <prefix><value>}. */
  private String rawBytes(byte[] prefix, byte[] value, byte[] body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
      request.write(("POST /api HTTP/1.0\r\nContent-Type: " + BINARY + "\r\nContent-Length: "
          + body.length + "\r\nAuthorization: ").getBytes(StandardCharsets.US_ASCII));
      request.write(prefix);
      request.write(value);
      request.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      request.write(body);
      try {
        OutputStream out = socket.getOutputStream();
        out.write(request.toByteArray());
        out.flush();
      } catch (java.net.SocketException answeredEarly) {
        // The server may answer (401) and close before reading all we send; read its answer.
      }
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = reply.indexOf("\r\n");
      return end < 0 ? reply : reply.substring(0, end);
    }
  }
}
