package io.aurora.scheduling.updater;

import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.update.RoundResult;
import io.aurora.scheduling.write.StateChanges;
import io.aurora.scheduling.write.StateManager;
import io.aurora.storage.JobUpdateStore;
import io.aurora.storage.MutableStoreProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes what a round decided, inside the caller's write: the kills (KILLING, "Killed for job
 * update &lt;id&gt;"), then the new PENDING tasks (one insert per config), then the instance
 * events and the status events.
 */
final class RoundWriter {
  private RoundWriter() {}

  /** Aurora's message on the tasks an update kills. */
  static String killMessage(JobUpdateKey key) {
    return "Killed for job update " + key.getId();
  }

  static void write(MutableStoreProvider stores, StateManager stateManager, StateChanges changes,
      JobUpdateKey key, RoundResult round) {
    Optional<String> message = Optional.of(killMessage(key));
    for (RoundResult.Kill kill : round.kills()) {
      stateManager.changeState(stores, kill.task().taskId(), ScheduleStatus.KILLING, message,
          changes);
    }
    Map<TaskConfig, Set<Integer>> adds = new LinkedHashMap<>();
    for (RoundResult.Add add : round.adds()) {
      adds.computeIfAbsent(add.config(), c -> new TreeSet<>()).add(add.instance());
    }
    adds.forEach((config, instances) ->
        stateManager.insertPendingTasks(stores, config, instances, changes));
    JobUpdateStore.Mutable updates = stores.jobUpdateStore();
    for (JobInstanceUpdateEvent e : round.instanceEvents()) {
      updates.saveJobInstanceUpdateEvent(key, e);
    }
    for (JobUpdateEvent e : round.statusEvents()) {
      updates.saveJobUpdateEvent(key, e);
    }
  }
}
