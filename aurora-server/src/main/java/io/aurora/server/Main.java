package io.aurora.server;

import io.aurora.server.app.DaemonConfig;
import io.aurora.server.app.EmbeddedServices;
import io.aurora.server.app.FlagMapping;
import io.aurora.server.app.Lifecycle;
import io.aurora.server.app.ProcessGuard;
import io.aurora.server.app.SchedulerComponent;
import io.aurora.server.app.StartupFault;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of {@code bin/aurora-scheduler}. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  /** How long a stop after SIGTERM may take before the process exits anyway. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(8);

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line and returns the process exit status: 0 after help or a graceful stop,
   * 1 for a bad command line (after printing one line to {@code err}) or a fatal error (whose
   * reason is logged in one line). After a stop signal the shutdown hook ends the JVM with the
   * status instead ({@link SignalStop}).
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
      LOG.debug("Cannot start the embedded services", e);
      return fail(err, "cannot start the embedded services (-zk_in_proc, -mesos_master_address="
          + EmbeddedServices.LOCAL_MASTER + "): " + e.getMessage());
    }
    DaemonConfig config = FlagMapping.map(options, System.getenv(), embedded.zkConnectString(),
        embedded.masterAddress(), localHostName());
    SchedulerComponent component = SchedulerComponent.factory().create(config);
    ProcessGuard guard = component.guard();
    // SIGTERM and Ctrl-C: stop serving, then the embedded master (killing its tasks) and ZooKeeper.
    SignalStop signal = new SignalStop(guard, Thread.currentThread(), STOP_GRACE);
    signal.install();
    try {
      Lifecycle lifecycle = start(component, guard, config, embedded, out);
      signal.startEnded();
      int status = awaitExit(guard);
      if (lifecycle != null) {
        lifecycle.stop();
      }
      embedded.close();
      return status;
    } finally {
      signal.stopped();
    }
  }

  /**
   * Builds the component's objects (which connects to ZooKeeper and opens the log) and starts
   * the lifecycle; returns it, or null if it could not be built. A failure is decided in {@code
   * guard}: a {@link StartupFault} is the operator's one line, anything else a bug with its trace.
   */
  private static Lifecycle start(SchedulerComponent component, ProcessGuard guard,
      DaemonConfig config, EmbeddedServices embedded, PrintStream out) {
    Lifecycle lifecycle = null;
    try {
      lifecycle = component.lifecycle();
      lifecycle.start();
      out.printf("Aurora scheduler: http://%s:%d/ (web UI, /api, /vars, /health), Thrift on port %d,"
              + " ZooKeeper %s, Mesos master %s%n", config.advertisedHost(), lifecycle.httpPort(),
          lifecycle.thriftPort(), embedded.zkConnectString(), embedded.masterAddress());
      out.flush();
    } catch (StartupFault e) {
      LOG.debug("Start failed", e);
      guard.fail(e.getMessage());
    } catch (RuntimeException e) {
      if (guard.exit().isEmpty()) {
        // Not a stop signal's interrupt: a bug, whose trace is wanted.
        LOG.error("Start failed", e);
      }
      guard.fail("start failed: " + e.getMessage());
    }
    return lifecycle;
  }

  private static int awaitExit(ProcessGuard guard) {
    try {
      return guard.await().status();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
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
