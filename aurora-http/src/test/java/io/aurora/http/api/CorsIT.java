package io.aurora.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.http.AdminServerConfig;
import io.aurora.http.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code -enable_cors_for} against a real Undertow on port 0. */
class CorsIT {
  private static final String ORIGIN = "https://ui.example.com";
  private static final String JSON = "application/json";

  private static AdminServerConfig config() {
    return new AdminServerConfig("127.0.0.1", 0, 2, 16, 64 * 1024);
  }

  private static HttpResponse<byte[]> send(TestServer t, String method, byte[] body,
      String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(t.uri("/api"))
        .timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return t.client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void withAnOrigin_apiAnswersCarryIt_andPreflightIsAnsweredWithoutTheApi() throws Exception {
    try (TestServer t = new TestServer(config().withCorsOrigin(ORIGIN))) {
      HttpResponse<byte[]> call = send(t, "POST",
          ThriftMessages.getRoleSummary(ThriftProtocols.JSON), "Content-Type", JSON, "Origin", ORIGIN);
      assertThat(call.statusCode()).isEqualTo(200);
      assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);

      HttpResponse<byte[]> preflight = send(t, "OPTIONS", new byte[0], "Origin", ORIGIN,
          "Access-Control-Request-Method", "POST",
          "Access-Control-Request-Headers", "content-type");
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
          .hasValueSatisfying(v -> assertThat(v).contains("POST"));
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
          .contains("content-type");
      assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isPresent();

      HttpResponse<String> health = t.get("/health");
      assertThat(health.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void withoutAnOrigin_noCorsHeaders_andOptionsIsNotAllowed() throws Exception {
    try (TestServer t = new TestServer(config())) {
      HttpResponse<byte[]> call = send(t, "POST",
          ThriftMessages.getRoleSummary(ThriftProtocols.JSON), "Content-Type", JSON, "Origin", ORIGIN);
      assertThat(call.statusCode()).isEqualTo(200);
      assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

      HttpResponse<byte[]> preflight = send(t, "OPTIONS", new byte[0], "Origin", ORIGIN,
          "Access-Control-Request-Method", "POST");
      assertThat(preflight.statusCode()).isEqualTo(405);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }
}
