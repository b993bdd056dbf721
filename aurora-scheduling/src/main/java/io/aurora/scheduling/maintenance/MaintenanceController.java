package io.aurora.scheduling.maintenance;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.CoordinatorSlaPolicy;
import io.aurora.gen.HostMaintenanceRequest;
import io.aurora.gen.HostStatus;
import io.aurora.gen.JobKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.PercentageSlaPolicy;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.scheduling.sla.SlaCheck;
import io.aurora.scheduling.sla.SlaVerdict;
import io.aurora.scheduling.slacoord.SlaCoordinator;
import io.aurora.scheduling.timer.TimerQueue;
import io.aurora.scheduling.write.StateChanges;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.MutableStoreProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host maintenance as Aurora does it. The calls ({@link #startMaintenance}, {@link #drain},
 * {@link #slaDrain}, {@link #status}, {@link #end}) skip hosts storage does not know and answer
 * with the known hosts' modes. A drain stores a {@link HostMaintenanceRequest} (the default SLA
 * policy, the timeout after which the drain is forced, when it was made) and sets the host
 * DRAINING, or DRAINED at once if nothing runs there; {@code drainHosts} is a drain whose timeout
 * is zero, so its tasks go at once.
 *
 * <p>The drain pass (every {@link MaintenanceOptions#pollingInterval}, and soon after a task of a
 * watched host's job starts running or ends) looks at every task on a DRAINING host: past the
 * request's timeout it is drained; otherwise its policy (the task's {@code slaPolicy}, else the
 * request's default) decides. Count and percentage policies are checked in the pass's own write
 * ({@link SlaCheck}), task after task, so that two tasks of one job drained in one pass are
 * counted against each other; coordinator policies are asked over HTTP after the write
 * ({@link SlaCoordinator}) and the task drained in a write of its own if the coordinator allows.
 * Draining moves the task to DRAINING ("Draining machine for maintenance."): it is killed and
 * rescheduled elsewhere. A DRAINING host with no task left becomes DRAINED.
 *
 * <p>Passes run only on the leader, after {@link #start}; the requests and modes are in storage,
 * so the next leader takes over where this one stopped.
 */
public final class MaintenanceController {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceController.class);
  /** The message of the DRAINING event (Aurora's). */
  public static final String DRAIN_MESSAGE = "Draining machine for maintenance.";
  /** The states a drain moves to DRAINING; tasks already going away are left alone. */
  private static final Set<ScheduleStatus> DRAINABLE = EnumSet.of(ScheduleStatus.ASSIGNED,
      ScheduleStatus.STARTING, ScheduleStatus.RUNNING, ScheduleStatus.PARTITIONED);
  /** drainHosts' policy: nothing has to stay up (the timeout of zero forces it anyway). */
  private static final SlaPolicy FORCE = SlaPolicy.percentageSlaPolicy(
      new PercentageSlaPolicy(0, 0));

  /** A task waiting on its SLA: why, and when its drain is forced. */
  public record Waiting(String taskId, String host, String reason, long forcedAtMs) {}

  private record Ask(CoordinatorSlaPolicy policy, ScheduledTask task, String host,
      long forcedAtMs) {}

  private final StateWriter writer;
  private final Clock clock;
  private final TimerQueue timers;
  private final MaintenanceOptions options;
  private final SlaCheck slaCheck;
  private final SlaCoordinator coordinator;
  private final DrainCountdowns countdowns;
  private final Counter missingRequests;
  /** Hosts with Mesos maintenance announced: host to the unavailability start, epoch ms. */
  private final Map<String, Long> unavailability = new ConcurrentHashMap<>();
  private final AtomicBoolean passQueued = new AtomicBoolean();
  private volatile Executor executor;
  /** Whether a host was DRAINING at the last pass: only then do task changes start a pass. */
  private volatile boolean watching;
  private volatile Map<String, Waiting> waiting = Map.of();

  public MaintenanceController(StateWriter writer, Clock clock, TimerQueue timers,
      MaintenanceOptions options, SlaCoordinator coordinator, MeterRegistry registry) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timers = Objects.requireNonNull(timers, "timers");
    this.options = Objects.requireNonNull(options, "options");
    this.slaCheck = new SlaCheck(options.sla());
    this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
    this.countdowns = new DrainCountdowns(registry, clock);
    this.missingRequests = registry.counter("missing_maintenance_request");
  }

  /** Marks known hosts SCHEDULED (informational: they still take tasks, last). */
  public List<HostStatus> startMaintenance(Set<String> hosts) {
    return writer.write((stores, out) -> HostModes.known(stores, hosts).stream()
        .map(h -> HostModes.set(stores, h, MaintenanceMode.SCHEDULED)).toList());
  }

  /** Drains known hosts now, whatever their tasks' SLA. */
  public List<HostStatus> drain(Set<String> hosts) {
    return writer.write((stores, out) -> {
      long now = clock.millis();
      List<HostStatus> statuses = new ArrayList<>();
      for (String host : HostModes.known(stores, hosts)) {
        statuses.add(startDrain(stores, new HostMaintenanceRequest(host, FORCE, 0, now), out));
      }
      watching = true;
      return statuses;
    });
  }

  /**
   * Drains known hosts as their tasks' SLA policies allow, forcing the rest after
   * {@code timeoutSecs}.
   */
  public List<HostStatus> slaDrain(Set<String> hosts, SlaPolicy defaultPolicy, long timeoutSecs) {
    List<HostStatus> statuses = writer.write((stores, out) -> {
      long now = clock.millis();
      List<HostStatus> out2 = new ArrayList<>();
      for (String host : HostModes.known(stores, hosts)) {
        HostMaintenanceRequest request = new HostMaintenanceRequest(host,
            defaultPolicy.deepCopy(), timeoutSecs, now);
        stores.hostMaintenanceStore().saveHostMaintenanceRequest(request);
        boolean empty = HostModes.tasksOn(stores, host).isEmpty();
        out2.add(HostModes.set(stores, host,
            empty ? MaintenanceMode.DRAINED : MaintenanceMode.DRAINING));
      }
      return out2;
    });
    watching = true;
    passSoon();
    return statuses;
  }

  /** The known hosts' modes. */
  public List<HostStatus> status(Set<String> hosts) {
    return writer.storage().read(stores -> HostModes.known(stores, hosts).stream()
        .map(h -> new HostStatus(h, HostModes.mode(stores, h).orElseThrow())).toList());
  }

  /** Returns known hosts to service: mode NONE, drain requests removed. */
  public List<HostStatus> end(Set<String> hosts) {
    return writer.write((stores, out) -> {
      List<HostStatus> statuses = new ArrayList<>();
      for (String host : HostModes.known(stores, hosts)) {
        stores.hostMaintenanceStore().removeHostMaintenanceRequest(host);
        unavailability.remove(host);
        statuses.add(HostModes.set(stores, host, MaintenanceMode.NONE));
      }
      return statuses;
    });
  }

  /**
   * Mesos announced maintenance of {@code host} from {@code startMs} (an offer's or an inverse
   * offer's unavailability): the host is drained once the start is within the threshold.
   */
  public void unavailable(String host, long startMs) {
    Long before = unavailability.put(host, startMs);
    if (before == null || before != startMs) {
      passSoon();
    }
  }

  /**
   * Starts the passes on {@code executor} (the leader's scheduling thread), the first at once.
   */
  public void start(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    arm();
    passSoon();
  }

  private void arm() {
    timers.schedule(clock.instant().plus(options.pollingInterval()), () -> {
      arm();
      pass();
    });
  }

  /**
   * After each durable write: a task that started running or ended may let the next drain go or
   * leave its host empty, so a pass follows soon.
   */
  public void onCommit(StateChanges changes) {
    if (!watching) {
      return;
    }
    for (StateChanges.Change c : changes.changes()) {
      if (c.status().isEmpty() || c.status().get() == ScheduleStatus.RUNNING
          || Tasks.isTerminal(c.status().get())) {
        passSoon();
        return;
      }
    }
  }

  private void passSoon() {
    Executor ex = executor;
    if (ex != null && passQueued.compareAndSet(false, true)) {
      ex.execute(() -> {
        passQueued.set(false);
        try {
          pass();
        } catch (RuntimeException e) {
          LOG.warn("Maintenance pass failed; the next one retries", e);
        }
      });
    }
  }

  /**
   * The hosts in maintenance as Aurora's {@code /maintenance} page shows them: {@code DRAINED} and
   * {@code SCHEDULED} to sorted host lists, {@code DRAINING} to each host's task ids (tasks in
   * agent-assigned states), in that key order.
   */
  public Map<String, Object> page() {
    return writer.storage().read(MaintenancePage::of);
  }

  /** The tasks waiting on their SLA after the last pass, by task id. */
  public Map<String, Waiting> waiting() {
    return waiting;
  }

  /**
   * One drain pass (normally run by the timers and {@link #onCommit}; public for tests and tools).
   */
  public void pass() {
    // Most passes find nothing to do: they take no write (and append nothing to the log).
    if (unavailability.isEmpty() && !writer.storage().read(stores -> stores.attributeStore()
        .fetchMaintenanceModes().containsValue(MaintenanceMode.DRAINING))) {
      watching = false;
      waiting = Map.of();
      countdowns.set(Map.of());
      return;
    }
    List<Ask> asks = new ArrayList<>();
    Map<String, Waiting> nowWaiting = new LinkedHashMap<>();
    boolean draining = writer.write((stores, out) -> {
      long now = clock.millis();
      drainAnnounced(stores, now, out);
      Map<String, MaintenanceMode> modes = stores.attributeStore().fetchMaintenanceModes();
      boolean any = false;
      for (Map.Entry<String, MaintenanceMode> e : new TreeMap<>(modes).entrySet()) {
        if (e.getValue() != MaintenanceMode.DRAINING) {
          continue;
        }
        any = true;
        String host = e.getKey();
        Optional<HostMaintenanceRequest> request =
            stores.hostMaintenanceStore().fetchHostMaintenanceRequest(host);
        if (request.isEmpty()) {
          missingRequests.increment();
          LOG.warn("Host {} is DRAINING without a maintenance request; ending its drain needs"
              + " drainHosts or endMaintenance", host);
          continue;
        }
        drainHost(stores, request.get(), now, asks, nowWaiting, out);
        if (HostModes.tasksOn(stores, host).isEmpty()) {
          HostModes.set(stores, host, MaintenanceMode.DRAINED);
        }
      }
      return any;
    });
    watching = draining;
    for (Ask ask : asks) {
      boolean started = coordinator.tryCheck(ask.policy(), ask.task(),
          Math.max(0, ask.forcedAtMs() - clock.millis()),
          verdict -> onCoordinatorVerdict(ask, verdict));
      String id = ask.task().getAssignedTask().getTaskId();
      nowWaiting.put(id, new Waiting(id, ask.host(), started
          ? "asking coordinator " + ask.policy().getCoordinatorUrl()
          : "waiting for coordinator " + ask.policy().getCoordinatorUrl(), ask.forcedAtMs()));
    }
    waiting = Map.copyOf(nowWaiting);
    Map<String, Long> gauges = new HashMap<>();
    writer.storage().read(stores -> {
      for (Waiting w : nowWaiting.values()) {
        stores.taskStore().fetchTask(w.taskId()).ifPresent(t ->
            gauges.put(DrainCountdowns.name(t.getAssignedTask()), w.forcedAtMs()));
      }
      return null;
    });
    countdowns.set(gauges);
  }

  /** Hosts whose announced unavailability is within the threshold are drained (forced). */
  private void drainAnnounced(MutableStoreProvider stores, long now, StateChanges out) {
    long threshold = options.unavailabilityThreshold().toMillis();
    for (Map.Entry<String, Long> e : unavailability.entrySet()) {
      if (e.getValue() - threshold > now) {
        continue;
      }
      Optional<MaintenanceMode> mode = HostModes.mode(stores, e.getKey());
      if (mode.isPresent() && mode.get() != MaintenanceMode.DRAINING
          && mode.get() != MaintenanceMode.DRAINED) {
        LOG.info("Draining {}: Mesos maintenance starts at {}", e.getKey(), e.getValue());
        startDrain(stores, new HostMaintenanceRequest(e.getKey(), FORCE, 0, now), out);
      }
    }
  }

  /** Stores {@code request}, drains its host's tasks now (the request is forced). */
  private HostStatus startDrain(MutableStoreProvider stores, HostMaintenanceRequest request,
      StateChanges out) {
    String host = request.getHost();
    stores.hostMaintenanceStore().saveHostMaintenanceRequest(request);
    for (ScheduledTask t : HostModes.tasksOn(stores, host)) {
      drainTask(stores, t, out);
    }
    boolean empty = HostModes.tasksOn(stores, host).isEmpty();
    return HostModes.set(stores, host, empty ? MaintenanceMode.DRAINED : MaintenanceMode.DRAINING);
  }

  private void drainHost(MutableStoreProvider stores, HostMaintenanceRequest request, long now,
      List<Ask> asks, Map<String, Waiting> nowWaiting, StateChanges out) {
    long forcedAt = request.getCreatedTimestampMs() + request.getTimeoutSecs() * 1000;
    boolean forced = forcedAt <= now;
    for (ScheduledTask task : HostModes.tasksOn(stores, request.getHost())) {
      if (!DRAINABLE.contains(task.getStatus())) {
        continue;
      }
      String id = task.getAssignedTask().getTaskId();
      if (forced) {
        drainTask(stores, task, out);
        continue;
      }
      SlaPolicy policy = task.getAssignedTask().getTask().isSetSlaPolicy()
          ? task.getAssignedTask().getTask().getSlaPolicy() : request.getDefaultSlaPolicy();
      if (policy.isSetCoordinatorSlaPolicy()) {
        asks.add(new Ask(policy.getCoordinatorSlaPolicy(), task.deepCopy(), request.getHost(),
            forcedAt));
        continue;
      }
      if (!SlaCheck.isLocal(policy)) {
        drainTask(stores, task, out);
        continue;
      }
      JobKey job = task.getAssignedTask().getTask().getJob();
      // Re-read the job for each of its tasks: an earlier drain in this write counts.
      List<ScheduledTask> jobTasks = stores.taskStore().fetchTasks(
          TaskQueries.byJob(job).statuses(Tasks.ACTIVE_STATES).build());
      SlaVerdict verdict = slaCheck.check(task, jobTasks, policy, now);
      if (verdict.allowed()) {
        drainTask(stores, task, out);
      } else {
        nowWaiting.put(id, new Waiting(id, request.getHost(), verdict.reason(), forcedAt));
      }
    }
  }

  private void drainTask(MutableStoreProvider stores, ScheduledTask task, StateChanges out) {
    if (DRAINABLE.contains(task.getStatus())) {
      writer.stateManager().changeState(stores, task.getAssignedTask().getTaskId(),
          Optional.of(task.getStatus()), ScheduleStatus.DRAINING, Optional.of(DRAIN_MESSAGE), out);
    }
  }

  /** Drains an allowed task if it is still on a DRAINING host; on the actions executor. */
  private void onCoordinatorVerdict(Ask ask, SlaVerdict verdict) {
    String id = ask.task().getAssignedTask().getTaskId();
    if (!verdict.allowed()) {
      LOG.info("Task {} stays on {}: {}", id, ask.host(), verdict.reason());
      return;
    }
    writer.write((stores, out) -> {
      if (HostModes.mode(stores, ask.host()).orElse(MaintenanceMode.NONE)
          != MaintenanceMode.DRAINING) {
        return null;
      }
      stores.taskStore().fetchTask(id)
          .filter(t -> ask.host().equals(t.getAssignedTask().getSlaveHost()))
          .ifPresent(t -> drainTask(stores, t, out));
      return null;
    });
  }
}
