package io.aurora.server.app;

import com.google.common.base.Ticker;
import io.aurora.gen.AuroraAdmin;
import io.aurora.http.AdminServer;
import io.aurora.log.LogException;
import io.aurora.log.ReplicatedLog;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.server.discovery.LeaderElection;
import io.aurora.server.discovery.ServersetAnnouncer;
import io.aurora.server.discovery.ServersetMonitor;
import io.aurora.server.discovery.ServiceInstance;
import io.aurora.server.thrift.ThriftTcpServer;
import io.aurora.storage.durable.DurableStorage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one scheduler process through Aurora's lifecycle.
 *
 * <ol>
 *   <li>PREPARING_STORAGE: the log replica is open and in its ZooKeeper group (the component
 *       opened it); ZooKeeper is connected; HTTP serves ({@code /health} is OK from here on) and so
 *       does the Thrift port; the storage recovers from the log.
 *   <li>STORAGE_PREPARED: the storage follows the log as a hot standby; the process joins the
 *       leader election and watches the serverset (followers redirect leader-only pages).
 *   <li>LEADER_AWAITING_REGISTRATION, once elected: become the log's writer and catch up, then
 *       subscribe to Mesos with the stored framework id.
 *   <li>ACTIVE, once subscribed: reconcile, start scheduling, and only then announce the
 *       serverset member, because clients take the member as the leader.
 *   <li>DEAD: everything stopped, in reverse.
 * </ol>
 *
 * A scheduler leads for one term: losing leadership or the ZooKeeper session, a failed log
 * write, a fatal Mesos error, or no Mesos registration within {@code -max_registration_delay} ends
 * the process through {@link ProcessGuard}, whose reason is logged; a supervisor restarts it. So
 * does leading for {@code -max_leading_duration} (a planned step-down, see {@link LeaderTerm}):
 * {@link #stop()} then withdraws from the serverset, leaves the election and closes the ZooKeeper
 * session before the process exits, so another scheduler is elected at once rather than after a
 * session timeout.
 *
 * <p>Nothing is polled: the storage reports its failure through
 * {@link DurableStorage#onFailure}, and the term's deadlines are timers on the lifecycle thread,
 * armed when the term begins and when subscribing starts.
 *
 * <p>A takeover's steps (the previous leader's lock seen gone, leadership, log writer elected,
 * storage leading, subscribing, subscribed, ACTIVE, announced, first durable write) are timed by
 * {@link TakeoverTimeline}: a log line each and {@code takeover_*_ms} gauges.
 */
@Singleton
public final class Lifecycle implements LeaderElection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private final DaemonConfig config;
  private final SchedulerState state;
  private final ProcessGuard guard;
  private final DaemonThreads threads;
  private final CuratorFramework curator;
  private final ReplicatedLog log;
  private final DurableStorage storage;
  private final AdminServer admin;
  private final AuroraAdmin.Iface api;
  private final ServersetMonitor monitor;
  private final Driver driver;
  private final SchedulerRuntime runtime;
  private final MesosRegistration registration;
  private final LeaderTerm term;
  private final TakeoverTimeline timeline;

  private ThriftTcpServer thrift;
  private LeaderElection election;
  private volatile ServersetAnnouncer announcer;
  private boolean stopped;

  @Inject
  Lifecycle(DaemonConfig config, SchedulerState state, ProcessGuard guard, DaemonThreads threads,
      CuratorFramework curator, ReplicatedLog log, DurableStorage storage, AdminServer admin,
      AuroraAdmin.Iface api, ServersetMonitor monitor, Driver driver, SchedulerRuntime runtime,
      MesosRegistration registration, Ticker ticker, TakeoverTimeline timeline) {
    this.config = config;
    this.state = state;
    this.guard = guard;
    this.threads = threads;
    this.curator = curator;
    this.log = log;
    this.storage = storage;
    this.admin = admin;
    this.api = api;
    this.monitor = monitor;
    this.driver = driver;
    this.runtime = runtime;
    this.registration = registration;
    this.timeline = timeline;
    this.term = new LeaderTerm(ticker, config.server().maxLeadingDuration(),
        config.maxRegistrationDelay());
  }

  /** Starts, waits until the process must end, stops; returns the exit status. */
  public int run() throws InterruptedException {
    try {
      start();
    } catch (StartupFault e) {
      guard.fail(e.getMessage());
    } catch (RuntimeException e) {
      guard.fail("start failed: " + e.getMessage());
      LOG.error("Start failed", e);
    }
    ProcessGuard.Exit exit = guard.await();
    stop();
    return exit.status();
  }

  /** Runs the steps up to STORAGE_PREPARED and joins the election; returns once following. */
  public synchronized void start() {
    state.set(LifecycleState.PREPARING_STORAGE);
    // ZooKeeper is connected: the component's Curator client waited for it (ZooKeeperConnection).
    try {
      admin.start();
    } catch (RuntimeException e) {
      throw StartupFaults.port(e, "-http_port",
          config.admin().bindAddress() + ":" + config.admin().port());
    }
    try {
      thrift = ThriftTcpServer.start(api, config.thrift(), threads.thrift);
    } catch (RuntimeException e) {
      throw StartupFaults.port(e, "-thrift_port", config.thrift().bindAddress().getHostString() + ":"
          + config.thrift().bindAddress().getPort());
    }
    LOG.info("Serving HTTP on port {} and Thrift on port {}", admin.port(), thrift.port());
    // Registered before the storage starts, so that no failure goes unheard; the listener runs on
    // the thread that saw the failure and only records the exit.
    storage.onFailure(cause -> guard.fail("the storage failed (" + cause
        + "); it accepts no more writes"));
    try {
      storage.start();
    } catch (LogException e) {
      throw new IllegalStateException("cannot recover storage from the log: " + e.getMessage(), e);
    }
    state.set(LifecycleState.STORAGE_PREPARED);
    // A standby warms its way to the master now, not when it takes over.
    driver.prepare();
    monitor.addLockHolderGoneListener(() -> timeline.mark(TakeoverTimeline.Step.LEADER_GONE_SEEN));
    monitor.start();
    election = new LeaderElection(curator, config.server().serversetPath(), config.advertisedHost(),
        this, threads.election);
    election.start();
  }

  /** Ends the process if a deadline of the term has passed; otherwise waits for the next one. */
  private void checkTerm() {
    Optional<LeaderTerm.Expiry> expired = term.expired();
    if (expired.isEmpty()) {
      armTermTimer();   // early by the clock, or a later deadline remains
      return;
    }
    LeaderTerm.Expiry expiry = expired.get();
    if (expiry.kind() == LeaderTerm.Kind.LED_LONG_ENOUGH) {
      guard.restart(expiry.reason());
    } else {
      guard.fail(expiry.reason());
    }
  }

  /** A timer for the term's next deadline (a spare one is harmless: it checks and re-arms). */
  private void armTermTimer() {
    term.untilNextDeadline().ifPresent(delay -> {
      try {
        threads.lifecycle.schedule(this::checkTerm, delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException stopping) {
        // The lifecycle thread is gone: the process is stopping anyway.
      }
    });
  }

  /** Elected (on the election thread, which holds leadership while this runs). */
  @Override
  public void onLeading() {
    timeline.mark(TakeoverTimeline.Step.LEADERSHIP_ACQUIRED);
    state.set(LifecycleState.LEADER_AWAITING_REGISTRATION);
    term.elected();
    armTermTimer();
    try {
      storage.onFirstCommit(() -> timeline.mark(TakeoverTimeline.Step.FIRST_WRITE));
      storage.lead(() -> timeline.mark(TakeoverTimeline.Step.LOG_WRITER_ELECTED));
      timeline.mark(TakeoverTimeline.Step.STORAGE_LEADING);
    } catch (LogException | RuntimeException e) {
      guard.fail("could not become the log writer: " + e.getMessage());
      return;
    }
    Optional<FrameworkID> frameworkId = storage.read(s -> s.schedulerStore().fetchFrameworkId())
        .map(id -> FrameworkID.newBuilder().setValue(id).build());
    LOG.info("Leading; subscribing to Mesos at {} with framework id {}", config.mesosMaster(),
        frameworkId.map(FrameworkID::getValue).orElse("(none yet)"));
    term.subscribing();
    armTermTimer();
    registration.subscribed().thenRun(term::registered);
    // Marked before onRegistered is queued, so SUBSCRIBED is always logged before ACTIVE.
    registration.subscribed().thenRun(() -> timeline.mark(TakeoverTimeline.Step.SUBSCRIBED))
        .thenRunAsync(this::onRegistered, threads.lifecycle);
    timeline.mark(TakeoverTimeline.Step.SUBSCRIBING);
    driver.subscribe(frameworkId, registration.tracking(runtime.listener()));
  }

  /**
   * Synchronized with {@link #stop()}: an announcement made after the stop's withdrawal would
   * never be closed, and would outlive its closed client.
   */
  private synchronized void onRegistered() {
    if (stopped) {
      return;
    }
    try {
      // The runtime's listener has stored the framework id and asked Mesos to reconcile every
      // task we know of; starting it arms periodic reconciliation, pruning, timers and rounds.
      LOG.info("Registered with Mesos; starting to schedule");
      runtime.start(threads.scheduling);
      state.set(LifecycleState.ACTIVE);
      timeline.mark(TakeoverTimeline.Step.ACTIVE);
      ServiceInstance me = ServiceInstance.scheduler(config.advertisedHost(), admin.port(),
          config.server().serversetEndpointName(), thrift.port());
      announcer = ServersetAnnouncer.announce(curator, config.server().serversetPath(), me,
          config.zooKeeper().connectionTimeout());
      timeline.mark(TakeoverTimeline.Step.ANNOUNCED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Becoming active failed", e);
      guard.fail("becoming active failed: " + e.getMessage());
    }
  }

  @Override
  public void onDefeated() {
    guard.fail("leadership lost");
  }

  /** The current state. */
  public LifecycleState state() {
    return state.get();
  }

  /** The bound HTTP port. */
  public int httpPort() {
    return admin.port();
  }

  /** The bound Thrift port. */
  public synchronized int thriftPort() {
    return thrift.port();
  }

  /** Ends the process's part in the cluster: withdraws, stops serving, closes the log. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    state.set(LifecycleState.DEAD);
    if (!curator.getZookeeperClient().isConnected()) {
      // ZooKeeper is unreachable (or the session is gone): close the client first, so the steps
      // below fail fast instead of retrying for minutes. Our ephemeral nodes (serverset member,
      // election lock, replica registration) die with the session anyway.
      quietly("ZooKeeper client", curator::close);
    }
    // Withdraw first, so clients stop sending here before anything else goes away.
    quietly("serverset member", () -> { if (announcer != null) announcer.close(); });
    quietly("election", () -> { if (election != null) election.close(); });
    quietly("Mesos driver", driver::stop);
    quietly("threads", threads::shutdown);
    quietly("Thrift port", () -> { if (thrift != null) thrift.close(); });
    quietly("HTTP", admin::stop);
    quietly("storage", storage::close);
    quietly("log", log::close);
    quietly("serverset monitor", monitor::close);
    quietly("ZooKeeper client", curator::close);
    LOG.info("Scheduler stopped");
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(String what, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      LOG.warn("Stopping the {} failed: {}", what, e.toString());
    }
  }
}
