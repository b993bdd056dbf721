package io.aurora.storage;

import io.aurora.gen.HostMaintenanceRequest;
import java.util.List;
import java.util.Optional;

/** SLA-aware drain requests, by host. */
public interface HostMaintenanceStore {
  Optional<HostMaintenanceRequest> fetchHostMaintenanceRequest(String host);

  /** Every request, ordered by host. */
  List<HostMaintenanceRequest> fetchHostMaintenanceRequests();

  /** Maintenance request mutations of a write transaction. */
  interface Mutable extends HostMaintenanceStore {
    /** Inserts or replaces the request for {@code request.host}. */
    void saveHostMaintenanceRequest(HostMaintenanceRequest request);

    /** Deletes the request for {@code host}; an unknown host is ignored. */
    void removeHostMaintenanceRequest(String host);
  }
}
