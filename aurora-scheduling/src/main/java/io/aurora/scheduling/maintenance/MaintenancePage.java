package io.aurora.scheduling.maintenance;

import io.aurora.gen.MaintenanceMode;
import io.aurora.storage.StoreProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What Aurora's {@code /maintenance} page shows, read from one version of the stores. */
final class MaintenancePage {
  private MaintenancePage() {}

  /**
   * {@code DRAINED} and {@code SCHEDULED} to sorted host lists, {@code DRAINING} to each host's
   * task ids (tasks in agent-assigned states), in that key order; hosts in mode NONE are left out.
   */
  static Map<String, Object> of(StoreProvider stores) {
    Map<String, List<String>> byMode = new HashMap<>();
    Map<String, List<String>> draining = new TreeMap<>();
    for (Map.Entry<String, MaintenanceMode> e
        : new TreeMap<>(stores.attributeStore().fetchMaintenanceModes()).entrySet()) {
      if (e.getValue() == MaintenanceMode.DRAINING) {
        draining.put(e.getKey(), HostModes.tasksOn(stores, e.getKey()).stream()
            .map(t -> t.getAssignedTask().getTaskId()).sorted().toList());
      } else if (e.getValue() != MaintenanceMode.NONE) {
        byMode.computeIfAbsent(e.getValue().name(), k -> new ArrayList<>()).add(e.getKey());
      }
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("DRAINED", byMode.getOrDefault("DRAINED", List.of()));
    page.put("SCHEDULED", byMode.getOrDefault("SCHEDULED", List.of()));
    page.put("DRAINING", draining);
    return page;
  }
}
