package io.aurora.scheduling.sla;

import io.aurora.api.Tasks;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.PercentageSlaPolicy;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskEvent;
import java.util.Collection;
import java.util.Objects;

/**
 * Count and percentage SLA checks (Aurora's {@code SlaManager} rules). A job's instance counts as
 * up when its task has been RUNNING for the policy's {@code durationSecs}. Taking {@code victim}
 * down is allowed when the job's other up instances still meet the policy:
 * <ul>
 *   <li>count: at least {@code count} others up;
 *   <li>percentage: at least {@code ceil(percentage% of active instances)} others up.
 * </ul>
 * A policy that would never let an instance go down (it asks for all active instances) is relaxed
 * to ask for one fewer. Non-production tasks (unless {@link SlaRules#checkNonProduction}) and jobs
 * with fewer than {@link SlaRules#minRequiredInstances} active instances are not checked.
 */
public final class SlaCheck {
  private final SlaRules rules;

  public SlaCheck(SlaRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** Whether {@code policy} is one this class checks (count or percentage). */
  public static boolean isLocal(SlaPolicy policy) {
    return policy.isSetCountSlaPolicy() || policy.isSetPercentageSlaPolicy();
  }

  /**
   * Whether {@code victim} may go down now.
   *
   * @param jobTasks the tasks of the victim's job (any states; only active ones count), which
   *     may include the victim
   * @param policy a count or percentage policy
   * @param nowMs the time, epoch ms
   * @throws IllegalArgumentException for a coordinator or empty policy
   */
  public SlaVerdict check(ScheduledTask victim, Collection<ScheduledTask> jobTasks,
      SlaPolicy policy, long nowMs) {
    if (!isLocal(policy)) {
      throw new IllegalArgumentException("Not a count or percentage policy: " + policy);
    }
    if (!rules.checkNonProduction() && !victim.getAssignedTask().getTask().isProduction()) {
      return SlaVerdict.allow("non-production tasks are not SLA checked");
    }
    String victimId = Tasks.id(victim);
    long active = 0;
    long upOthers = 0;
    long durationSecs = policy.isSetCountSlaPolicy()
        ? policy.getCountSlaPolicy().getDurationSecs()
        : policy.getPercentageSlaPolicy().getDurationSecs();
    for (ScheduledTask t : jobTasks) {
      if (!Tasks.isActive(t.getStatus())) {
        continue;
      }
      active++;
      if (!Tasks.id(t).equals(victimId) && upFor(t, nowMs, durationSecs)) {
        upOthers++;
      }
    }
    if (Tasks.isActive(victim.getStatus()) && jobTasks.stream().noneMatch(
        t -> Tasks.id(t).equals(victimId))) {
      active++;
    }
    if (active < rules.minRequiredInstances()) {
      return SlaVerdict.allow("job has " + active + " active instances, fewer than the "
          + rules.minRequiredInstances() + " SLA checks need");
    }
    long required = required(policy, active);
    String counts = upOthers + " other instances up for " + durationSecs + "s, " + required
        + " required";
    return upOthers >= required ? SlaVerdict.allow(counts) : SlaVerdict.deny(counts);
  }

  /** How many other instances must stay up, relaxed so that one instance may go down. */
  static long required(SlaPolicy policy, long active) {
    long required;
    if (policy.isSetCountSlaPolicy()) {
      CountSlaPolicy count = policy.getCountSlaPolicy();
      required = count.getCount();
    } else {
      PercentageSlaPolicy pct = policy.getPercentageSlaPolicy();
      required = (long) Math.ceil(pct.getPercentage() / 100.0 * active - 1e-9);
    }
    return Math.max(0, Math.min(required, active - 1));
  }

  /** Whether {@code task} is RUNNING and has been since at least {@code durationSecs} ago. */
  static boolean upFor(ScheduledTask task, long nowMs, long durationSecs) {
    if (task.getStatus() != ScheduleStatus.RUNNING || !task.isSetTaskEvents()) {
      return false;
    }
    long since = -1;
    for (TaskEvent e : task.getTaskEvents()) {
      if (e.getStatus() == ScheduleStatus.RUNNING) {
        since = e.getTimestamp();
      }
    }
    return since >= 0 && nowMs - since >= durationSecs * 1000;
  }
}
