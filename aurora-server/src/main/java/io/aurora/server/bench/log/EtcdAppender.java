package io.aurora.server.bench.log;

import com.google.common.net.HostAndPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends to etcd as {@code put}s through its v3 HTTP/JSON gateway ({@code POST /v3/kv/put}, key
 * and value in base64), round-robin over the members, on a fixed set of keys. etcd acknowledges a
 * put once a quorum has fsynced it in its raft log. The gateway translates JSON to gRPC inside
 * etcd, which costs some CPU that etcd's own Go benchmark tool would not spend.
 */
final class EtcdAppender implements Appender {
  private static final int KEYS = 1024;

  private final HttpClient http;
  private final List<URI> endpoints;
  private final Duration timeout;
  private final AtomicLong next = new AtomicLong();
  private final String[] keys = new String[KEYS];
  // The base64 of the last value appended: the benchmark appends the same bytes every time.
  private volatile Encoded last = new Encoded(new byte[0], "");

  private record Encoded(byte[] data, String base64) {}

  EtcdAppender(List<HostAndPort> members, Duration timeout) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout).build();
    this.endpoints = members.stream()
        .map(m -> URI.create("http://" + m + "/v3/kv/put")).toList();
    this.timeout = timeout;
    Base64.Encoder b64 = Base64.getEncoder();
    for (int k = 0; k < KEYS; k++) {
      keys[k] = b64.encodeToString(("aurora-log-bench/k" + k).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public CompletableFuture<?> append(byte[] data) {
    Encoded e = last;
    if (e.data() != data) {
      e = new Encoded(data, Base64.getEncoder().encodeToString(data));
      last = e;
    }
    long n = next.getAndIncrement();
    String body = "{\"key\":\"" + keys[(int) (n % KEYS)] + "\",\"value\":\"" + e.base64() + "\"}";
    HttpRequest request = HttpRequest.newBuilder(endpoints.get((int) (n % endpoints.size())))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
      // The gateway answers 200 with a header; an error is another status and a JSON error.
      if (r.statusCode() != 200 || !r.body().contains("\"header\"")) {
        throw new IllegalStateException("etcd put failed: HTTP " + r.statusCode() + " " + r.body());
      }
      return r;
    });
  }

  @Override
  public void close() {
    // HttpClient has no close before Java 21; its idle connections time out by themselves.
  }
}
