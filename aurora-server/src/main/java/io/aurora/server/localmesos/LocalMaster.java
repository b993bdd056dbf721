package io.aurora.server.localmesos;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler side of a Mesos master, in memory: frameworks and their subscriptions, offers,
 * tasks and their status update streams. The HTTP layer ({@link SchedulerEndpoint}) turns requests
 * into calls on this class; agents report through {@link #agentSink()}.
 *
 * <p>Behaviour follows the Mesos master where our client can observe it: one live subscription per
 * framework (a new one fails the old one over with an ERROR), a failover timeout after a
 * disconnect, offers of each agent's unused resources to one framework at a time, refusal filters
 * from ACCEPT/DECLINE (default 5 s), REVIVE/SUPPRESS, agent updates with uuids re-sent until
 * acknowledged (one outstanding per task), master-generated answers without uuid for
 * reconciliation and for unknown tasks (TASK_LOST, or TASK_GONE/TASK_UNKNOWN when partition
 * aware), and TASK_LOST/TASK_DROPPED for launches on invalid offers.
 *
 * <p>Calls about offers and tasks are handled by {@link TaskCalls}, the agents' update streams by
 * {@link UpdateStreams}. All state is guarded by {@code this}; timers run on the injected
 * scheduler.
 */
final class LocalMaster {
  private static final Logger LOG = LoggerFactory.getLogger(LocalMaster.class);

  /** The outcome of a non-SUBSCRIBE call: the HTTP status and, for errors, why. */
  record Answer(int status, String message) {
    static final Answer ACCEPTED = new Answer(202, "");
  }

  private final MasterInfo masterInfo;
  private final LocalMesosOptions options;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final ResourceLedger book;
  private final TaskCalls tasks;
  private final UpdateStreams streams;
  private final Map<String, FrameworkState> frameworks = new LinkedHashMap<>();
  private final Set<String> removedFrameworks = new HashSet<>();
  private long nextFramework;
  private final ConcurrentLinkedQueue<AgentReport> agentReports = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean agentDrainQueued = new AtomicBoolean();

  /** A status update an agent reported, waiting for the scheduler thread. */
  private record AgentReport(FrameworkID frameworkId, TaskStatus status) {}

  LocalMaster(MasterInfo masterInfo, LocalMesosOptions options, ScheduledExecutorService scheduler,
      Clock clock) {
    this.masterInfo = masterInfo;
    this.options = options;
    this.scheduler = scheduler;
    this.clock = clock;
    this.book = new ResourceLedger(masterInfo.getId());
    this.tasks = new TaskCalls(book, clock);
    this.streams = new UpdateStreams(book, clock, options.updateRetryInterval());
  }

  MasterInfo masterInfo() {
    return masterInfo;
  }

  /**
   * Where agents report. Reports are queued and handled on the scheduler thread, so agents never
   * hold our lock; one task drains everything queued under one lock acquisition, so a burst of
   * launches (two reports per simulated task) costs no executor task or lock per report.
   */
  Agent.StatusSink agentSink() {
    return (frameworkId, status) -> {
      agentReports.add(new AgentReport(frameworkId, status));
      if (agentDrainQueued.compareAndSet(false, true)) {
        scheduler.execute(this::drainAgentReports);
      }
    };
  }

  private synchronized void drainAgentReports() {
    agentDrainQueued.set(false);
    AgentReport report;
    while ((report = agentReports.poll()) != null) {
      FrameworkState framework = frameworks.get(report.frameworkId().getValue());
      if (framework != null) {   // else it was removed, and its tasks with it
        streams.agentUpdate(framework, report.status());
      }
    }
  }

  synchronized void addAgent(Agent agent) {
    book.addAgent(agent);
  }

  /** Starts heartbeats, allocation rounds and update retries. */
  void start() {
    long heartbeat = options.heartbeatInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    long allocation = options.allocationInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::allocate, allocation, allocation, TimeUnit.MILLISECONDS);
    long retry = Math.max(100, options.updateRetryInterval().toMillis() / 4);
    scheduler.scheduleWithFixedDelay(this::retryUpdates, retry, retry, TimeUnit.MILLISECONDS);
  }

  /** Closes every stream and kills every task. */
  void shutdown() {
    List<Agent> all;
    synchronized (this) {
      frameworks.values().forEach(f -> {
        if (f.sink != null) {
          f.sink.close();
        }
      });
      all = List.copyOf(book.agents());
    }
    all.forEach(Agent::shutdown);
  }

  // ---------------------------------------------------------------------------------------------
  // Subscription

  /** Checks what the master answers 400 to; empty if SUBSCRIBE may proceed. */
  static Optional<String> validateSubscribe(Call call) {
    if (!call.hasSubscribe()) {
      return Optional.of("Expecting 'subscribe' to be present");
    }
    FrameworkInfo info = call.getSubscribe().getFrameworkInfo();
    boolean topLevel = call.hasFrameworkId();
    boolean inInfo = info.hasId();
    if (topLevel != inInfo || (topLevel && !call.getFrameworkId().equals(info.getId()))) {
      return Optional.of("'framework_id' differs from 'subscribe.framework_info.id'");
    }
    return Optional.empty();
  }

  synchronized void subscribe(Call call, EventSink sink) {
    FrameworkInfo info = call.getSubscribe().getFrameworkInfo();
    if (info.hasId() && removedFrameworks.contains(info.getId().getValue())) {
      sink.send(error("Framework has been removed"));
      sink.close();
      return;
    }
    FrameworkState framework = info.hasId() ? frameworks.get(info.getId().getValue()) : null;
    if (framework == null) {
      FrameworkID id = info.hasId() ? info.getId()
          : FrameworkID.newBuilder().setValue(masterInfo.getId() + "-" + (nextFramework++)).build();
      framework = new FrameworkState(id, info.toBuilder().setId(id).build());
      frameworks.put(id.getValue(), framework);
      LOG.info("Framework {} ({}) registered", id.getValue(), info.getName());
    } else {
      LOG.info("Framework {} re-subscribed", framework.id.getValue());
      if (framework.sink != null) {
        framework.sink.send(error("Framework failed over"));
        framework.sink.close();
      }
      if (framework.failoverTimer != null) {
        framework.failoverTimer.cancel(false);
        framework.failoverTimer = null;
      }
      // User and checkpointing cannot change, as with Mesos; the rest may.
      framework.info = info.toBuilder().setUser(framework.info.getUser())
          .setCheckpoint(framework.info.getCheckpoint()).setId(framework.id).build();
    }
    book.withdrawAll(framework.id);
    framework.sink = sink;
    framework.suppressed = call.getSubscribe().getSuppressedRolesCount() > 0;
    sink.send(Event.newBuilder().setType(Event.Type.SUBSCRIBED)
        .setSubscribed(Event.Subscribed.newBuilder()
            .setFrameworkId(framework.id)
            .setHeartbeatIntervalSeconds(options.heartbeatInterval().toMillis() / 1000.0)
            .setMasterInfo(masterInfo))
        .build());
    // Updates not acknowledged before the failover go to the new subscription at once.
    for (TaskRecord task : framework.tasks.values()) {
      streams.sendHead(framework, task);
    }
    scheduler.execute(this::allocate);
  }

  /** The stream broke (or was replaced); start the failover timeout if it was the live one. */
  synchronized void disconnected(EventSink sink) {
    for (FrameworkState framework : frameworks.values()) {
      if (framework.sink == sink) {
        framework.sink = null;
        book.withdrawAll(framework.id);
        double seconds = framework.info.getFailoverTimeout();
        LOG.info("Framework {} disconnected; removing it in {} s unless it re-subscribes",
            framework.id.getValue(), seconds);
        FrameworkState f = framework;
        framework.failoverTimer = scheduler.schedule(() -> failoverExpired(f),
            Math.round(seconds * 1000), TimeUnit.MILLISECONDS);
      }
    }
  }

  private synchronized void failoverExpired(FrameworkState framework) {
    if (framework.sink == null && frameworks.get(framework.id.getValue()) == framework) {
      LOG.info("Framework {} failover timeout expired", framework.id.getValue());
      remove(framework);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Calls

  /** Handles a non-SUBSCRIBE call that arrived with {@code streamId} (null if none). */
  synchronized Answer call(Call call, String streamId) {
    if (!call.hasFrameworkId()) {
      return new Answer(400, "Expecting 'framework_id' to be present");
    }
    FrameworkState framework = frameworks.get(call.getFrameworkId().getValue());
    if (framework == null) {
      return new Answer(400, "Framework cannot be found");
    }
    if (framework.sink == null) {
      return new Answer(403, "Framework is not subscribed");
    }
    if (streamId == null || !streamId.equals(framework.sink.streamId())) {
      return new Answer(400, "The stream ID '" + streamId + "' included in this request "
          + "didn't match the stream ID currently associated with framework ID "
          + framework.id.getValue());
    }
    switch (call.getType()) {
      case ACCEPT:
        tasks.accept(framework, call.getAccept());
        return Answer.ACCEPTED;
      case DECLINE:
        tasks.decline(framework, call.getDecline().getOfferIdsList(),
            call.getDecline().getFilters());
        return Answer.ACCEPTED;
      case KILL:
        tasks.kill(framework, call.getKill());
        return Answer.ACCEPTED;
      case ACKNOWLEDGE:
        return streams.acknowledge(framework, call.getAcknowledge());
      case RECONCILE:
        tasks.reconcile(framework, call.getReconcile());
        return Answer.ACCEPTED;
      case REVIVE:
        // Roles are not tracked separately: reviving any role revives the framework.
        framework.suppressed = false;
        framework.refusedUntil.clear();
        scheduler.execute(this::allocate);
        return Answer.ACCEPTED;
      case SUPPRESS:
        framework.suppressed = true;
        return Answer.ACCEPTED;
      case TEARDOWN:
        LOG.info("Framework {} tore itself down", framework.id.getValue());
        remove(framework);
        return Answer.ACCEPTED;
      case UNKNOWN:
        return new Answer(501, "Received an unknown call type");
      default:
        LOG.info("Ignoring unsupported {} call from {}", call.getType(), framework.id.getValue());
        return Answer.ACCEPTED;
    }
  }

  private synchronized void retryUpdates() {
    streams.retryDue(frameworks.values());
  }

  // ---------------------------------------------------------------------------------------------
  // Offers

  private synchronized void allocate() {
    List<FrameworkState> eligible = frameworks.values().stream()
        .filter(f -> f.sink != null && !f.suppressed).toList();
    book.allocate(eligible, clock.instant()).forEach((framework, list) -> framework.sink.send(
        Event.newBuilder().setType(Event.Type.OFFERS)
            .setOffers(Event.Offers.newBuilder().addAllOffers(list))
            .build()));
  }

  // ---------------------------------------------------------------------------------------------

  private void remove(FrameworkState framework) {
    book.withdrawAll(framework.id);
    for (TaskRecord task : framework.tasks.values()) {
      if (!task.isTerminal()) {
        book.agent(task.agentId).kill(framework.id, task.id);
      }
      if (!task.resourcesFreed) {
        streams.free(task);
      }
    }
    framework.tasks.clear();
    if (framework.sink != null) {
      framework.sink.close();
      framework.sink = null;
    }
    if (framework.failoverTimer != null) {
      framework.failoverTimer.cancel(false);
    }
    frameworks.remove(framework.id.getValue());
    removedFrameworks.add(framework.id.getValue());
  }

  private synchronized void heartbeat() {
    Event heartbeat = Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
    frameworks.values().stream().filter(f -> f.sink != null).forEach(f -> f.sink.send(heartbeat));
  }

  private static Event error(String message) {
    return Event.newBuilder().setType(Event.Type.ERROR)
        .setError(Event.Error.newBuilder().setMessage(message)).build();
  }

  /** For tests and tools: how many tasks are known, across frameworks. */
  synchronized int taskCount() {
    return frameworks.values().stream().mapToInt(f -> f.tasks.size()).sum();
  }

  /** The resources a known task was launched with (its own and its executor's). */
  synchronized Optional<List<org.apache.mesos.v1.Protos.Resource>> taskResources(TaskID taskId) {
    for (FrameworkState framework : frameworks.values()) {
      TaskRecord task = framework.tasks.get(taskId);
      if (task != null) {
        return Optional.of(task.resources.toProtos(framework.role()));
      }
    }
    return Optional.empty();
  }

  /** The sandbox of a task run by a local agent. */
  synchronized Optional<java.nio.file.Path> sandbox(TaskID taskId) {
    for (Agent agent : book.agents()) {
      if (agent instanceof ProcessAgent local) {
        Optional<java.nio.file.Path> path = local.sandbox(taskId);
        if (path.isPresent()) {
          return path;
        }
      }
    }
    return Optional.empty();
  }

  Duration heartbeatInterval() {
    return options.heartbeatInterval();
  }
}
