package io.aurora.scheduling.updater;

import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.Metadata;
import io.aurora.gen.TaskConfig;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An update to start, already checked by the API: the complete task config (job key set,
 * defaults filled in, as stored for tasks), the instance count, the settings with
 * {@code updateStrategy} backfilled, and the caller's metadata.
 */
public record NewUpdate(TaskConfig config, int instanceCount, JobUpdateSettings settings,
    Set<Metadata> metadata) {

  public NewUpdate {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.getJob(), "config.job");
    Objects.requireNonNull(settings, "settings");
    metadata = metadata == null ? Set.of() : Set.copyOf(metadata);
    if (instanceCount < 1) {
      throw new IllegalArgumentException("instanceCount must be positive: " + instanceCount);
    }
  }

  public JobKey job() {
    return config.getJob();
  }

  /** The metadata as a mutable set for a Thrift struct. */
  Set<Metadata> metadataCopy() {
    Set<Metadata> out = new HashSet<>();
    metadata.forEach(m -> out.add(m.deepCopy()));
    return out;
  }
}
