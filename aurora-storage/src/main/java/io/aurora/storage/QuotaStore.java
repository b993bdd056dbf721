package io.aurora.storage;

import io.aurora.gen.ResourceAggregate;
import java.util.Map;
import java.util.Optional;

/** Resource quotas, by role. */
public interface QuotaStore {
  Optional<ResourceAggregate> fetchQuota(String role);

  /** Every quota, by role (sorted). */
  Map<String, ResourceAggregate> fetchQuotas();

  /** Quota mutations of a write transaction. */
  interface Mutable extends QuotaStore {
    /** Sets the role's quota, replacing any previous one. */
    void saveQuota(String role, ResourceAggregate quota);

    /** Deletes the role's quota; an unknown role is ignored. */
    void removeQuota(String role);
  }
}
