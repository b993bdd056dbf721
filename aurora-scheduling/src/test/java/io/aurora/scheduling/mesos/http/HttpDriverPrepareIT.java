package io.aurora.scheduling.mesos.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aurora.scheduling.mesos.FrameworkOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpDriver#prepare()} against a minimal master on 127.0.0.1 that records each request's
 * method and answers 405, as a Mesos master answers a {@code GET} of its scheduler endpoint.
 */
class HttpDriverPrepareIT {
  private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final ScheduledExecutorService driverThread =
      Executors.newSingleThreadScheduledExecutor();
  private HttpServer master;
  private HttpDriver driver;

  @BeforeEach
  void start() throws IOException {
    master = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    master.setExecutor(handlers);
    master.createContext(HttpDriver.PATH, this::handle);
    master.start();
    driver = new HttpDriver(
        FrameworkOptions.of("t", "root", Duration.ofSeconds(60)).toFrameworkInfo(),
        MesosClientOptions.defaults(),
        new StaticMasterDetector("127.0.0.1:" + master.getAddress().getPort()),
        HttpDriver.newHttpClient(Duration.ofSeconds(5)), driverThread);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    exchange.sendResponseHeaders(405, -1);
    exchange.close();
  }

  @AfterEach
  void stop() {
    driver.stop();
    master.stop(0);
    handlers.shutdownNow();
    driverThread.shutdownNow();
  }

  @Test
  void prepare_sendsOneGetAndNoCall() throws Exception {
    driver.prepare();

    assertThat(requests.poll(10, TimeUnit.SECONDS)).isEqualTo("GET " + HttpDriver.PATH);
    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void prepare_afterStopping_sendsNothing() throws Exception {
    driver.stop();
    driver.prepare();

    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }
}
