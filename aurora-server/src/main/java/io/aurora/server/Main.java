package io.aurora.server;

import io.aurora.server.app.DaemonConfig;
import io.aurora.server.app.EmbeddedServices;
import io.aurora.server.app.FlagMapping;
import io.aurora.server.app.Lifecycle;
import io.aurora.server.app.ProcessGuard;
import io.aurora.server.app.SchedulerComponent;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of {@code bin/aurora-scheduler}. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line and returns the process exit status: 0 after help or a graceful stop,
   * 1 for a bad command line (after printing one line to {@code err}) or a fatal error (whose
   * reason is logged).
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    ServerCommandLine.Outcome outcome = ServerCommandLine.parse(args);
    if (outcome instanceof ServerCommandLine.Help) {
      out.print(((ServerCommandLine.Help) outcome).text());
      out.flush();
      return 0;
    }
    if (outcome instanceof ServerCommandLine.Fail) {
      return fail(err, ((ServerCommandLine.Fail) outcome).message());
    }
    ServerOptions options = ((ServerCommandLine.Run) outcome).options();
    Optional<String> refusal = EmbeddedServices.refusal(options);
    if (refusal.isPresent()) {
      return fail(err, refusal.get());
    }
    try {
      // Reads -shiro_ini_path now, so that a missing or broken file is one line, before anything
      // starts; the daemon reads it again when it builds the HTTP server.
      options.serverFlags().security().toHttpAuthOptions().authenticator();
    } catch (IllegalArgumentException e) {
      return fail(err, e.getMessage());
    }
    LOG.info("Aurora scheduler flags:");
    for (Map.Entry<String, String> flag : options.flags().values().entrySet()) {
      LOG.info("  {}={}", flag.getKey(), flag.getValue());
    }
    EmbeddedServices embedded;
    try {
      embedded = EmbeddedServices.start(options, Clock.systemUTC());
    } catch (RuntimeException e) {
      LOG.error("Cannot start the embedded services", e);
      return fail(err, e.getMessage());
    }
    DaemonConfig config = FlagMapping.map(options, System.getenv(), embedded.zkConnectString(),
        embedded.masterAddress(), localHostName());
    SchedulerComponent component = SchedulerComponent.factory().create(config);
    Lifecycle lifecycle = component.lifecycle();
    ProcessGuard guard = component.guard();
    // Ctrl-C and SIGTERM: stop serving, then the embedded master (killing its tasks) and ZooKeeper.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      guard.stop(0, "signal received");
      lifecycle.stop();
      embedded.close();
    }, "aurora-shutdown"));
    try {
      lifecycle.start();
      out.printf("Aurora scheduler: http://%s:%d/ (/api, /vars, /health), Thrift on port %d,"
              + " ZooKeeper %s, Mesos master %s%n", config.advertisedHost(), lifecycle.httpPort(),
          lifecycle.thriftPort(), embedded.zkConnectString(), embedded.masterAddress());
      out.flush();
    } catch (RuntimeException e) {
      LOG.error("Start failed", e);
      guard.fail("start failed: " + e.getMessage());
    }
    int status;
    try {
      status = guard.await().status();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 1;
    }
    lifecycle.stop();
    embedded.close();
    return status;
  }

  private static int fail(PrintStream err, String message) {
    err.println("aurora-scheduler: " + message);
    err.flush();
    return 1;
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
