package io.aurora.scheduling.update;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.TaskConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where one active update stands: its status, the config each instance should end up with in the
 * current direction, which instances are done, failed or in flight (and since when), the
 * failures counted per instance and the tasks they were counted for, the instance events already
 * recorded, and the last pulse.
 *
 * <p>Built when the update starts ({@link #begin}) or from its stored history after a failover
 * ({@link #recover}). Mutable and not thread-safe: its owner copies it ({@link #copy}) before a
 * round that may be thrown away (a storage write that fails), and keeps the copy only once the
 * round's write is durable.
 */
public final class UpdateProgress {
  private final JobUpdateKey key;
  private final JobUpdateSettings settings;
  private final Map<Integer, TaskConfig> initial;
  private final Optional<TaskConfig> desiredConfig;
  private final Set<Integer> desiredInstances;
  private final InstancePicker picker;
  private final InstanceEvaluator evaluator;
  private JobUpdateStatus status;
  private long directionStartMs;
  private List<Integer> order;
  private Map<Integer, Integer> position;
  private int cursor;
  private Set<Integer> done = new HashSet<>();
  private Set<Integer> failed = new HashSet<>();
  private Map<Integer, Long> inFlight = new TreeMap<>();
  private Map<Integer, Integer> failures = new HashMap<>();
  private Map<Integer, Set<String>> counted = new HashMap<>();
  private final Map<Integer, Set<JobUpdateAction>> recorded;
  private OptionalLong lastPulseMs;

  private UpdateProgress(JobUpdate update, JobUpdateStatus status, long directionStartMs,
      Map<Integer, Set<JobUpdateAction>> recorded, OptionalLong lastPulseMs) {
    this.key = update.getSummary().getKey().deepCopy();
    this.settings = UpdateSettingsRules.backfilled(update.getInstructions().getSettings());
    this.initial = new HashMap<>();
    if (update.getInstructions().isSetInitialState()) {
      for (InstanceTaskConfig itc : update.getInstructions().getInitialState()) {
        for (int i : InstanceRanges.ids(itc.getInstances())) {
          initial.put(i, itc.getTask());
        }
      }
    }
    InstanceTaskConfig desired = update.getInstructions().getDesiredState();
    this.desiredConfig = desired == null ? Optional.empty() : Optional.of(desired.getTask());
    this.desiredInstances = desired == null ? Set.of()
        : Set.copyOf(InstanceRanges.ids(desired.getInstances()));
    this.picker = InstancePicker.of(settings.getUpdateStrategy());
    this.evaluator = new InstanceEvaluator(settings.getMinWaitInInstanceRunningMs(),
        settings.getMaxPerInstanceFailures());
    this.status = status;
    this.directionStartMs = directionStartMs;
    setOrder(orderOf(status));
    this.recorded = recorded;
    this.lastPulseMs = lastPulseMs;
  }

  private UpdateProgress(UpdateProgress other) {
    this.key = other.key;
    this.settings = other.settings;
    this.initial = other.initial;
    this.desiredConfig = other.desiredConfig;
    this.desiredInstances = other.desiredInstances;
    this.picker = other.picker;
    this.evaluator = other.evaluator;
    this.status = other.status;
    this.directionStartMs = other.directionStartMs;
    this.order = other.order;
    this.position = other.position;
    this.cursor = other.cursor;
    this.done = new HashSet<>(other.done);
    this.failed = new HashSet<>(other.failed);
    this.inFlight = new TreeMap<>(other.inFlight);
    this.failures = new HashMap<>(other.failures);
    this.counted = new HashMap<>();
    other.counted.forEach((i, ids) -> counted.put(i, new HashSet<>(ids)));
    this.recorded = new HashMap<>();
    other.recorded.forEach((i, actions) -> recorded.put(i, EnumSet.copyOf(actions)));
    this.lastPulseMs = other.lastPulseMs;
  }

  /**
   * A new update, as stored, starting in {@code status} (ROLLING_FORWARD, or
   * ROLL_FORWARD_AWAITING_PULSE for an update that needs pulses) at {@code nowMs}.
   */
  public static UpdateProgress begin(JobUpdate update, JobUpdateStatus status, long nowMs) {
    return new UpdateProgress(Objects.requireNonNull(update, "update"), status, nowMs,
        new HashMap<>(), OptionalLong.empty());
  }

  /**
   * An active update rebuilt from its stored history (after a failover): its status is that of
   * the latest event; in the current direction (which began with the first event, or with the
   * first ROLLING_BACK event) an instance with an end event is done or failed, one with only a
   * start event is in flight since then. Failures counted before are counted again from the
   * tasks (the evaluator counts the ends since each instance started). The last pulse is taken
   * to be the latest update event, as Aurora does.
   */
  public static UpdateProgress recover(JobUpdateDetails details) {
    JobUpdate update = details.getUpdate();
    List<JobUpdateEvent> events = details.isSetUpdateEvents() ? details.getUpdateEvents()
        : List.of();
    if (events.isEmpty()) {
      throw new IllegalArgumentException("update " + update.getSummary().getKey()
          + " has no events");
    }
    JobUpdateEvent latest = events.get(events.size() - 1);
    JobUpdateStatus status = latest.getStatus();
    boolean forward = UpdateStatusMachine.isForward(status);
    long start = events.get(0).getTimestampMs();
    if (!forward) {
      for (JobUpdateEvent e : events) {
        if (e.getStatus() == JobUpdateStatus.ROLLING_BACK) {
          start = e.getTimestampMs();
          break;
        }
      }
    }
    Map<Integer, Set<JobUpdateAction>> recorded = new HashMap<>();
    List<JobInstanceUpdateEvent> instanceEvents = details.isSetInstanceEvents()
        ? details.getInstanceEvents() : List.of();
    for (JobInstanceUpdateEvent e : instanceEvents) {
      recorded.computeIfAbsent(e.getInstanceId(), i -> EnumSet.noneOf(JobUpdateAction.class))
          .add(e.getAction());
    }
    OptionalLong pulse = UpdateStatusMachine.isRolling(status)
        || UpdateStatusMachine.AWAITING_PULSE.contains(status)
        ? OptionalLong.of(latest.getTimestampMs()) : OptionalLong.empty();
    UpdateProgress p = new UpdateProgress(update, status, start, recorded, pulse);
    for (JobInstanceUpdateEvent e : instanceEvents) {
      int i = e.getInstanceId();
      JobUpdateAction a = e.getAction();
      if (a == UpdateActions.working(forward)) {
        p.inFlight.put(i, e.getTimestampMs());
      } else if (a == UpdateActions.succeeded(forward)) {
        p.inFlight.remove(i);
        p.done.add(i);
      } else if (a == UpdateActions.failed(forward)) {
        p.inFlight.remove(i);
        p.failed.add(i);
      }
    }
    return p;
  }

  /** A copy to work on; this one is left as it is. */
  public UpdateProgress copy() {
    return new UpdateProgress(this);
  }

  public JobUpdateKey key() {
    return key;
  }

  public JobKey job() {
    return key.getJob();
  }

  /** The settings, with {@code updateStrategy} backfilled. */
  public JobUpdateSettings settings() {
    return settings;
  }

  public JobUpdateStatus status() {
    return status;
  }

  /** Whether the update moves toward the new config (else it rolls back). */
  public boolean isForward() {
    return UpdateStatusMachine.isForward(status);
  }

  /** Every instance the update touches, in the current direction's order. */
  public List<Integer> order() {
    return order;
  }

  /** Whether {@code instance} is one the update touches. */
  public boolean covers(int instance) {
    return initial.containsKey(instance) || desiredInstances.contains(instance);
  }

  /** The config {@code instance} should end up with in the current direction; empty: none. */
  public Optional<TaskConfig> desired(int instance) {
    if (isForward()) {
      return desiredInstances.contains(instance) ? desiredConfig : Optional.empty();
    }
    return Optional.ofNullable(initial.get(instance));
  }

  /** Instances in flight, each with the time it started (in the current direction). */
  public Map<Integer, Long> inFlight() {
    return Collections.unmodifiableMap(inFlight);
  }

  public Set<Integer> done() {
    return Collections.unmodifiableSet(done);
  }

  public Set<Integer> failed() {
    return Collections.unmodifiableSet(failed);
  }

  /** Instances done or failed in the current direction. */
  public int finishedCount() {
    return done.size() + failed.size();
  }

  /** Whether every instance is done or failed. */
  public boolean allFinished() {
    return finishedCount() == order.size();
  }

  /** Failures counted for {@code instance}. */
  public int failures(int instance) {
    return failures.getOrDefault(instance, 0);
  }

  /** When the pulse came that the update last heard, if any. */
  public OptionalLong lastPulseMs() {
    return lastPulseMs;
  }

  /** When the pulse window ends, if the update needs pulses and has had one. */
  public OptionalLong pulseDeadlineMs() {
    long window = pulseWindowMs();
    return window > 0 && lastPulseMs.isPresent()
        ? OptionalLong.of(lastPulseMs.getAsLong() + window) : OptionalLong.empty();
  }

  /** Whether the update needs pulses and the last one is older than its window (or absent). */
  public boolean pulseOverdue(long nowMs) {
    long window = pulseWindowMs();
    return window > 0 && (lastPulseMs.isEmpty() || nowMs - lastPulseMs.getAsLong() >= window);
  }

  private long pulseWindowMs() {
    return settings.isSetBlockIfNoPulsesAfterMs() ? settings.getBlockIfNoPulsesAfterMs() : 0;
  }

  /** Records a pulse. */
  public void pulse(long nowMs) {
    lastPulseMs = OptionalLong.of(nowMs);
  }

  /**
   * Moves to {@code next}, which must be allowed by {@link UpdateStatusMachine}; turning around
   * is {@link #beginRollback}'s.
   */
  public void moveTo(JobUpdateStatus next) {
    if (!UpdateStatusMachine.canTransition(status, next)) {
      throw new IllegalStateException("update " + key.getId() + ": " + status + " -> " + next
          + " is not a transition");
    }
    if (isForward() && next == JobUpdateStatus.ROLLING_BACK) {
      throw new IllegalStateException("update " + key.getId() + ": use beginRollback to turn");
    }
    status = next;
  }

  /** Turns the update around at {@code nowMs}: ROLLING_BACK, every instance to do again. */
  public void beginRollback(long nowMs) {
    if (!UpdateStatusMachine.canTransition(status, JobUpdateStatus.ROLLING_BACK)) {
      throw new IllegalStateException("update " + key.getId() + " cannot roll back from "
          + status);
    }
    status = JobUpdateStatus.ROLLING_BACK;
    directionStartMs = nowMs;
    setOrder(orderOf(status));
    cursor = 0;
    done = new HashSet<>();
    failed = new HashSet<>();
    inFlight = new TreeMap<>();
    failures = new HashMap<>();
    counted = new HashMap<>();
  }

  // What a round does (package-private: UpdateRound's).

  InstanceEvaluator evaluator() {
    return evaluator;
  }

  InstancePicker picker() {
    return picker;
  }

  Set<String> counted(int instance) {
    return counted.getOrDefault(instance, Set.of());
  }

  void countFailures(int instance, List<String> taskIds, int total) {
    if (!taskIds.isEmpty()) {
      counted.computeIfAbsent(instance, i -> new HashSet<>()).addAll(taskIds);
      failures.put(instance, total);
    }
  }

  /** Records {@code action} for {@code instance} unless it was recorded before. */
  boolean recordOnce(int instance, JobUpdateAction action) {
    return recorded.computeIfAbsent(instance, i -> EnumSet.noneOf(JobUpdateAction.class))
        .add(action);
  }

  boolean hasEvents(int instance) {
    Set<JobUpdateAction> actions = recorded.get(instance);
    return actions != null && !actions.isEmpty();
  }

  /** The next {@code n} instances not yet started, in order. */
  List<Integer> nextToStart(int n) {
    List<Integer> next = new ArrayList<>();
    while (next.size() < n && cursor < order.size()) {
      int i = order.get(cursor++);
      if (!done.contains(i) && !failed.contains(i) && !inFlight.containsKey(i)) {
        next.add(i);
      }
    }
    return next;
  }

  void start(int instance, long nowMs) {
    inFlight.put(instance, nowMs);
  }

  long startedAt(int instance) {
    Long at = inFlight.get(instance);
    return at == null ? directionStartMs : at;
  }

  void finish(int instance, boolean asFailure) {
    inFlight.remove(instance);
    (asFailure ? failed : done).add(instance);
  }

  private List<Integer> orderOf(JobUpdateStatus s) {
    Set<Integer> initialIds = initial.keySet();
    return UpdateStatusMachine.isForward(s) ? UpdateOrder.forward(initialIds, desiredInstances)
        : UpdateOrder.rollback(initialIds, desiredInstances);
  }

  /** The instances in flight, in the current direction's order (for rounds). */
  List<Integer> inFlightInOrder() {
    List<Integer> out = new ArrayList<>(inFlight.keySet());
    out.sort(java.util.Comparator.comparingInt(this::position));
    return out;
  }

  /** Where {@code instance} comes in the current order. */
  int position(int instance) {
    Integer at = position.get(instance);
    return at == null ? Integer.MAX_VALUE : at;
  }

  private void setOrder(List<Integer> newOrder) {
    order = newOrder;
    position = new HashMap<>();
    for (int i = 0; i < newOrder.size(); i++) {
      position.put(newOrder.get(i), i);
    }
  }
}
