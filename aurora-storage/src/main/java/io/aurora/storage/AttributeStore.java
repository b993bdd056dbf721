package io.aurora.storage;

import io.aurora.gen.HostAttributes;
import io.aurora.gen.MaintenanceMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Agent attributes and maintenance modes, by host. */
public interface AttributeStore {
  Optional<HostAttributes> fetchHostAttributes(String host);

  /** Every host's attributes, ordered by host. */
  List<HostAttributes> fetchHostAttributes();

  /**
   * The maintenance mode of every host whose mode is set: what {@link #fetchHostAttributes()}
   * holds, without copying every host's attributes (a scheduling round needs only the modes).
   */
  default Map<String, MaintenanceMode> fetchMaintenanceModes() {
    Map<String, MaintenanceMode> modes = new HashMap<>();
    for (HostAttributes a : fetchHostAttributes()) {
      if (a.isSetMode()) {
        modes.put(a.getHost(), a.getMode());
      }
    }
    return modes;
  }

  /** Attribute mutations of a write transaction. */
  interface Mutable extends AttributeStore {
    /**
     * Inserts or replaces a host's attributes. When {@code attributes.mode} is unset the host keeps
     * its current maintenance mode ({@code NONE} for a new host), so that refreshing attributes from
     * an offer never ends maintenance.
     *
     * @return whether anything changed (nothing is written otherwise)
     */
    boolean saveHostAttributes(HostAttributes attributes);
  }
}
