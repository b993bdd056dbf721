package io.aurora.scheduling.update;

import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.TaskConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One round of an update: evaluates the instances in flight that something happened to, decides
 * what the update does next, and starts as many new instances as its strategy allows, evaluating
 * those in the same round. Returns the decisions as a {@link RoundResult}; changes the
 * {@link UpdateProgress} it is given.
 *
 * <p>In order:
 *
 * <ol>
 *   <li>An update that is not rolling (paused, waiting for a pulse, ended) does nothing.
 *   <li>An update that needs pulses and has not had one within its window stops in the
 *       AWAITING_PULSE status of its direction ("Pulses from external service have timed out.").
 *   <li>The dirty instances in flight are evaluated ({@link InstanceEvaluator}); an instance
 *       that finishes records its end event; one that needs a kill, a new task or a later look
 *       says so in the result.
 *   <li>More failed instances than {@code maxFailedInstances}: a forward update with
 *       {@code rollbackOnFailure} turns around (ROLLING_BACK), any other ends FAILED, both with
 *       "Latest failure: instance N exited.". The round stops: the new direction starts from
 *       what this round's write leaves ({@link RoundResult#again}).
 *   <li>Every instance finished: ROLLED_FORWARD, or ROLLED_BACK.
 *   <li>A forward batch update with {@code autopauseAfterBatch} whose batch just completed
 *       pauses ("Update auto paused").
 *   <li>Otherwise the strategy starts the next instances, which are evaluated at once (an
 *       instance already as desired finishes in the same round, without events, as in Aurora),
 *       and the round goes back to step 4.
 * </ol>
 *
 * <p>Instance events are recorded once per action and instance over the whole update: a start
 * event (INSTANCE_UPDATING or INSTANCE_ROLLING_BACK) when an instance first needs work, an end
 * event when it finishes.
 */
public final class UpdateRound {
  /** Aurora's message when pulses stop. */
  public static final String PULSES_TIMED_OUT = "Pulses from external service have timed out.";
  /** Aurora's message when a batch ends and the update pauses itself. */
  public static final String AUTO_PAUSED = "Update auto paused";

  private UpdateRound() {}

  /** Aurora's message for the failure that tipped an update over. */
  public static String latestFailure(int instance) {
    return "Latest failure: instance " + instance + " exited.";
  }

  /**
   * Runs a round.
   *
   * @param p the update; changed to what the round leaves
   * @param dirty instances whose tasks changed or whose watch ended since the last round
   * @param all whether to evaluate every instance in flight, dirty or not (after a start,
   *     resume, pulse or failover)
   * @param nowMs the current time
   * @param tasks reads the tasks of instances
   */
  public static RoundResult run(UpdateProgress p, Collection<Integer> dirty, boolean all,
      long nowMs, InstanceTaskSource tasks) {
    RoundResult.Builder out = new RoundResult.Builder();
    if (!UpdateStatusMachine.isRolling(p.status())) {
      return out.build();
    }
    if (p.pulseOverdue(nowMs)) {
      moveTo(p, UpdateStatusMachine.awaitingPulse(p.status()), nowMs, PULSES_TIMED_OUT, out);
      return out.build();
    }
    Set<Integer> dirtySet = new HashSet<>(dirty);
    List<Integer> batch = new ArrayList<>();
    for (int i : p.inFlightInOrder()) {
      if (all || dirtySet.contains(i)) {
        batch.add(i);
      }
    }
    Set<Integer> fresh = Set.of();
    int latestFailure = -1;
    while (true) {
      boolean finishedAny = false;
      Map<Integer, List<InstanceTask>> read = batch.isEmpty() ? Map.of()
          : tasks.tasks(new LinkedHashSet<>(batch));
      for (int i : batch) {
        InstanceDecision d = p.evaluator().evaluate(p.desired(i),
            read.getOrDefault(i, List.of()), p.startedAt(i), p.failures(i), p.counted(i), nowMs);
        p.countFailures(i, d.newFailures(), d.failures());
        boolean forward = p.isForward();
        // Aurora records nothing for an instance found as desired on its first look.
        boolean silent = fresh.contains(i) && d.kind() == InstanceDecision.Kind.SUCCEEDED
            && !p.hasEvents(i);
        if (!silent) {
          record(p, i, UpdateActions.working(forward), nowMs, out);
        }
        switch (d.kind()) {
          case SUCCEEDED:
            p.finish(i, false);
            finishedAny = true;
            if (!silent) {
              record(p, i, UpdateActions.succeeded(forward), nowMs, out);
            }
            break;
          case FAILED:
            p.finish(i, true);
            finishedAny = true;
            latestFailure = i;
            record(p, i, UpdateActions.failed(forward), nowMs, out);
            break;
          case KILL:
            Optional<TaskConfig> desired = p.desired(i);
            InstanceTask victim = d.kill().orElseThrow();
            out.kills.add(new RoundResult.Kill(i, victim,
                desired.isPresent() && ReplacementFit.fitsInPlaceOf(desired.get(), victim.config())));
            if (d.addAfterKill()) {
              out.adds.add(new RoundResult.Add(i, desired.orElseThrow()));
            }
            break;
          case ADD:
            out.adds.add(new RoundResult.Add(i, p.desired(i).orElseThrow()));
            break;
          case EVALUATE_AT:
            out.wakeups.put(i, d.evaluateAtMs());
            break;
          case WAIT:
            break;
          default:
            throw new IllegalStateException("Unknown decision " + d.kind());
        }
      }
      if (p.failed().size() > p.settings().getMaxFailedInstances()) {
        int instance = latestFailure >= 0 ? latestFailure
            : p.failed().stream().mapToInt(Integer::intValue).max().orElse(-1);
        String message = latestFailure(instance);
        if (p.isForward() && p.settings().isRollbackOnFailure()) {
          out.statusEvents.add(event(JobUpdateStatus.ROLLING_BACK, nowMs, message));
          p.beginRollback(nowMs);
          out.again = true;
        } else {
          moveTo(p, JobUpdateStatus.FAILED, nowMs, message, out);
        }
        return out.build();
      }
      if (p.allFinished()) {
        moveTo(p, UpdateStatusMachine.finished(p.status()), nowMs, null, out);
        return out.build();
      }
      if (p.isForward() && p.picker().autopause() && finishedAny && p.inFlight().isEmpty()) {
        moveTo(p, JobUpdateStatus.ROLL_FORWARD_PAUSED, nowMs, AUTO_PAUSED, out);
        return out.build();
      }
      List<Integer> next = p.nextToStart(
          p.picker().startNow(p.inFlight().size(), p.finishedCount()));
      if (next.isEmpty()) {
        return out.build();
      }
      for (int i : next) {
        p.start(i, nowMs);
      }
      batch = next;
      fresh = new HashSet<>(next);
    }
  }

  private static void record(UpdateProgress p, int instance, JobUpdateAction action, long nowMs,
      RoundResult.Builder out) {
    if (p.recordOnce(instance, action)) {
      out.instanceEvents.add(new JobInstanceUpdateEvent(instance, nowMs, action));
    }
  }

  private static void moveTo(UpdateProgress p, JobUpdateStatus next, long nowMs, String message,
      RoundResult.Builder out) {
    p.moveTo(next);
    out.statusEvents.add(event(next, nowMs, message));
  }

  private static JobUpdateEvent event(JobUpdateStatus status, long nowMs, String message) {
    JobUpdateEvent e = new JobUpdateEvent(status, nowMs);
    if (message != null) {
      e.setMessage(message);
    }
    return e;
  }
}
