package io.aurora.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ResponseCode;
import io.aurora.http.AdminServerConfig;
import io.aurora.http.TestServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThriftApiIT {
  private static final String BINARY = "application/vnd.apache.thrift.binary";
  private static final String JSON = "application/vnd.apache.thrift.json";

  private final TestServer t = new TestServer();

  @AfterEach
  void stop() {
    t.close();
  }

  private HttpResponse<byte[]> send(String method, String contentType, String accept, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(t.uri("/api"))
        .timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (accept != null) {
      b.header("Accept", accept);
    }
    return t.client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void binaryBothWays_likeThePythonClient() throws Exception {
    HttpResponse<byte[]> r = send("POST", BINARY, BINARY, ThriftMessages.getRoleSummary(ThriftProtocols.BINARY));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(BINARY);
    assertThat(ThriftMessages.readRoleSummary(ThriftProtocols.BINARY, r.body()).getResponseCode()).isEqualTo(ResponseCode.OK);
    assertThat(t.api.calls).containsExactly("getRoleSummary");
    assertThat(t.api.threads).singleElement().asString().startsWith("aurora-http-api-");
  }

  @Test
  void beyondMaxInFlight_is503WithMessage_thenRecovers() throws Exception {
    try (TestServer small = new TestServer(new AdminServerConfig("127.0.0.1", 0, 1, 1, 64 * 1024))) {
      small.api.gate = new CountDownLatch(1);
      byte[] call = ThriftMessages.getRoleSummary(ThriftProtocols.BINARY);
      HttpRequest request = HttpRequest.newBuilder(small.uri("/api")).timeout(Duration.ofSeconds(10))
          .header("Content-Type", BINARY).POST(HttpRequest.BodyPublishers.ofByteArray(call)).build();
      CompletableFuture<HttpResponse<String>> first = small.client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
      assertThat(small.api.entered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

      HttpResponse<String> second = small.client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(second.body()).contains("Too many API requests");

      small.api.gate.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      small.api.gate = null;
      assertThat(small.client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void jsonBothWays_likeTheWebUi() throws Exception {
    HttpResponse<byte[]> r = send("POST", "application/json", null, ThriftMessages.getRoleSummary(ThriftProtocols.JSON));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(ThriftMessages.readRoleSummary(ThriftProtocols.JSON, r.body()).getResponseCode()).isEqualTo(ResponseCode.OK);
  }

  @Test
  void mixedProtocols_andMissingContentType_andGetAlias() throws Exception {
    HttpResponse<byte[]> binToJson = send("POST", BINARY, "*/*", ThriftMessages.getRoleSummary(ThriftProtocols.BINARY));
    assertThat(ThriftMessages.readRoleSummary(ThriftProtocols.JSON, binToJson.body()).getResponseCode()).isEqualTo(ResponseCode.OK);
    HttpResponse<byte[]> noType = send("POST", null, BINARY, ThriftMessages.getRoleSummary(ThriftProtocols.JSON));
    assertThat(ThriftMessages.readRoleSummary(ThriftProtocols.BINARY, noType.body()).getResponseCode()).isEqualTo(ResponseCode.OK);
    HttpResponse<byte[]> get = send("GET", JSON, JSON, ThriftMessages.getRoleSummary(ThriftProtocols.JSON));
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(t.api.calls).hasSize(3);
  }

  @Test
  void unsupportedContentType_is415() throws Exception {
    HttpResponse<byte[]> r = send("POST", "text/plain", null, "x".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(text(r)).contains("Unsupported Content-Type").contains("text/plain");
  }

  @Test
  void oversizedBody_is413_andTheServerKeepsServing() throws Exception {
    HttpResponse<byte[]> r = send("POST", BINARY, BINARY, new byte[64 * 1024 + 1]);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(text(r)).contains("65536 bytes");
    assertThat(t.get("/health").body()).isEqualTo("OK\n");
  }

  @Test
  void bodiesPastUndertowsDefaultCeiling_getTheir413_notABrokenConnection() throws Exception {
    // The production limit (16 MiB, above Undertow's default 10 MiB entity ceiling), bodies just
    // over it: the server answers early, then drains the rest so that the close is not a reset
    // that destroys the 413 while the client is still sending.
    int limit = AdminServerConfig.DEFAULT_API_MAX_BODY_BYTES;
    try (TestServer big = new TestServer(new AdminServerConfig("127.0.0.1", 0, 2, 16, limit))) {
      for (int i = 0; i < 10; i++) {
        HttpResponse<byte[]> r = big.client.send(HttpRequest.newBuilder(big.uri("/api"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", BINARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[limit + 1])).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("attempt " + i + ": " + text(r)).isEqualTo(413);
      }
      // Under the limit but past Undertow's default ceiling: read in full and answered.
      HttpResponse<byte[]> within = big.client.send(HttpRequest.newBuilder(big.uri("/api"))
              .timeout(Duration.ofSeconds(20)).header("Content-Type", BINARY)
              .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[12 * 1024 * 1024])).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(within.statusCode()).as(text(within)).isEqualTo(400);
      assertThat(text(within)).isNotBlank();
      assertThat(big.get("/health").body()).isEqualTo("OK\n");
    }
  }

  @Test
  void oversizedChunkedBody_is413() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(t.uri("/api")).timeout(Duration.ofSeconds(10))
        .header("Content-Type", BINARY)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[200_000])))
        .build();
    HttpResponse<String> r = t.client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("limit is 65536 bytes");
    assertThat(t.get("/health").body()).isEqualTo("OK\n");
  }

  @Test
  void otherMethods_are405() throws Exception {
    HttpResponse<byte[]> r = send("PUT", BINARY, BINARY, ThriftMessages.getRoleSummary(ThriftProtocols.BINARY));
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(text(r)).contains("PUT");
    assertThat(t.api.calls).isEmpty();
  }

  @Test
  void unknownMethodAndGarbage_are400WithMessage_andCounted() throws Exception {
    HttpResponse<byte[]> unknown =
        send("POST", JSON, JSON, "[1,\"dropAllJobs\",1,0,{}]".getBytes(StandardCharsets.UTF_8));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(text(unknown)).contains("dropAllJobs");
    HttpResponse<byte[]> garbage = send("POST", BINARY, BINARY, new byte[] {1, 2, 3});
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(text(garbage)).startsWith("Malformed Thrift request");
    assertThat(t.get("/vars").body()).contains("http_400_responses_events 2\n");
  }
}
