package io.aurora.scheduling.updater;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.sla.SlaCheck;
import io.aurora.scheduling.sla.SlaRules;
import io.aurora.scheduling.update.RoundResult;
import io.aurora.scheduling.update.UpdateProgress;
import io.aurora.storage.StoreProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SLA check of SLA-aware updates ({@code JobUpdateSettings.slaAware}): a round's kill goes
 * ahead only if the instance's SLA policy allows its task to go down now (the desired config's
 * policy, which during a rollback is the old config's; else the running task's). A denied kill,
 * and the new task that was to follow it, are left out of the round and the instance is looked
 * at again after {@link #RETRY}. Kills of one round are checked one after the other, each counting
 * the ones allowed before it as down. The checks are {@link SlaCheck}'s, with the same relaxations
 * as maintenance drains.
 */
final class SlaKillGate {
  /** Aurora's {@code -sla_aware_kill_retry_min_delay}: when a denied kill is tried again. */
  static final Duration RETRY = Duration.ofMinutes(1);

  private final SlaCheck check;

  SlaKillGate(SlaRules rules) {
    this.check = new SlaCheck(rules);
  }

  RoundResult apply(StoreProvider stores, UpdateProgress p, RoundResult round, long nowMs) {
    if (!p.settings().isSlaAware() || round.kills().isEmpty()) {
      return round;
    }
    List<ScheduledTask> jobTasks = new ArrayList<>();
    for (ScheduledTask t : stores.taskStore().fetchTasks(
        TaskQueries.byJob(p.job()).statuses(Tasks.ACTIVE_STATES).build())) {
      jobTasks.add(t.deepCopy());
    }
    List<RoundResult.Kill> kills = new ArrayList<>();
    Set<Integer> denied = new HashSet<>();
    Map<Integer, Long> wakeups = new HashMap<>(round.wakeups());
    for (RoundResult.Kill kill : round.kills()) {
      Optional<ScheduledTask> victim = jobTasks.stream()
          .filter(t -> Tasks.id(t).equals(kill.task().taskId())).findFirst();
      Optional<SlaPolicy> policy = p.desired(kill.instance())
          .filter(TaskConfig::isSetSlaPolicy).map(TaskConfig::getSlaPolicy)
          .or(() -> Optional.ofNullable(kill.task().config().getSlaPolicy()))
          .filter(SlaCheck::isLocal);
      if (victim.isEmpty() || policy.isEmpty()
          || check.check(victim.get(), jobTasks, policy.get(), nowMs).allowed()) {
        kills.add(kill);
        // Counted as down for the kills after it in this round.
        victim.ifPresent(v -> v.setStatus(ScheduleStatus.KILLING));
      } else {
        denied.add(kill.instance());
        wakeups.merge(kill.instance(), nowMs + RETRY.toMillis(), Math::min);
      }
    }
    if (denied.isEmpty()) {
      return round;
    }
    List<RoundResult.Add> adds = round.adds().stream()
        .filter(a -> !denied.contains(a.instance())).toList();
    return new RoundResult(kills, adds, round.instanceEvents(), round.statusEvents(), wakeups,
        round.again());
  }
}
