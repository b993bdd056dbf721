package io.aurora.http;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** An AdminServer on 127.0.0.1, port 0, with fakes everywhere; close it after the test. */
public final class TestServer implements AutoCloseable {
  public final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  public final FakeLeaderLocator leader = FakeLeaderLocator.leading();
  public final FakeAuroraAdmin api = new FakeAuroraAdmin();
  public final AtomicInteger shutdowns = new AtomicInteger();
  public final AtomicInteger aborts = new AtomicInteger();
  /** Released once per hook call: hooks run after the response, so tests wait on these. */
  public final Semaphore shutdownCalled = new Semaphore(0);
  public final Semaphore abortCalled = new Semaphore(0);
  public final Map<String, Object> extraVars = new TreeMap<>();
  /** What {@code /cron} shows. */
  public final Map<String, String> cronJobs = new TreeMap<>();
  /** What {@code /maintenance} shows. */
  public volatile Map<String, ?> maintenance = io.aurora.http.admin.MaintenanceHandler.EMPTY;
  public final AdminServer server;
  private final AtomicInteger apiThreads = new AtomicInteger();
  public final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public TestServer() {
    this(new AdminServerConfig("127.0.0.1", 0, 2, 16, 64 * 1024));
  }

  public TestServer(AdminServerConfig config) {
    registry.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    server =
        new AdminServer(
            config,
            registry,
            () -> Map.copyOf(extraVars),
            leader,
            api.iface(),
            new AdminHooks(
                () -> {
                  shutdowns.incrementAndGet();
                  shutdownCalled.release();
                },
                () -> {
                  aborts.incrementAndGet();
                  abortCalled.release();
                }),
            new LeaderPages(() -> Map.copyOf(cronJobs), () -> maintenance),
            r -> {
              // Named as the daemon names them; tests check that /api calls run on this pool.
              Thread t = new Thread(r, "aurora-http-api-" + apiThreads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.start();
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes and reads until the server closes; for HTTP/1.0 requests. */
  public String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
