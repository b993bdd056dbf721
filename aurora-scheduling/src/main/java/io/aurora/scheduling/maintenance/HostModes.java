package io.aurora.scheduling.maintenance;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.HostAttributes;
import io.aurora.gen.HostStatus;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.ScheduledTask;
import io.aurora.storage.MutableStoreProvider;
import io.aurora.storage.StoreProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading and setting a host's maintenance mode inside a transaction. */
final class HostModes {
  private HostModes() {}

  /** The host's mode (NONE when unset), or empty for a host storage does not know. */
  static Optional<MaintenanceMode> mode(StoreProvider stores, String host) {
    return stores.attributeStore().fetchHostAttributes(host)
        .map(a -> a.isSetMode() ? a.getMode() : MaintenanceMode.NONE);
  }

  /** Sets a known host's mode (a write only if it changes); returns its status. */
  static HostStatus set(MutableStoreProvider stores, String host, MaintenanceMode mode) {
    HostAttributes stored = stores.attributeStore().fetchHostAttributes(host).orElseThrow();
    if (!stored.isSetMode() || stored.getMode() != mode) {
      stores.attributeStore().saveHostAttributes(stored.deepCopy().setMode(mode));
    }
    return new HostStatus(host, mode);
  }

  /** The tasks on {@code host} that Mesos runs or will run (agent-assigned states). */
  static List<ScheduledTask> tasksOn(StoreProvider stores, String host) {
    return stores.taskStore().fetchTasks(TaskQueries.bySlaveHosts(host)
        .statuses(Tasks.SLAVE_ASSIGNED_STATES).build());
  }

  /** The known hosts among {@code hosts}, in order. */
  static List<String> known(StoreProvider stores, Set<String> hosts) {
    return hosts.stream().sorted()
        .filter(h -> stores.attributeStore().fetchHostAttributes(h).isPresent())
        .toList();
  }
}
