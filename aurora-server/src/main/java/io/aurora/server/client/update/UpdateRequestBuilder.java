package io.aurora.server.client.update;

import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.Metadata;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.config.UpdateConfig;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@code JobUpdateRequest} that {@code update start} sends, as Aurora's client does:
 * the job's task config and instance count, settings from the {@link UpdateConfig} (a queue strategy
 * of the batch size, with the deprecated {@code updateGroupSize} alongside), the scope as closed
 * ranges, and the metadata entry that marks the request with a fresh id.
 */
final class UpdateRequestBuilder {
  /** The metadata key under which Aurora's client sends each request's own id. */
  static final String UPDATE_ID_KEY = "org.apache.aurora.client.update_id";

  private UpdateRequestBuilder() {}

  /**
   * @param job the job file's configuration (key, owner and task's job set)
   * @param config validated settings
   * @param scope the instances to update; empty: all of them
   * @param updateId the value of {@link #UPDATE_ID_KEY}
   */
  static JobUpdateRequest build(JobConfiguration job, UpdateConfig config,
      Optional<InstanceSpec> scope, String updateId) {
    if (!job.isSetTaskConfig()) {
      throw ClientFailure.invalidConfiguration("the job file has no taskConfig");
    }
    if (config.watchSecs() > Integer.MAX_VALUE / 1000) {
      throw ClientFailure.invalidConfiguration("--watch-secs must be at most "
          + Integer.MAX_VALUE / 1000 + ", got " + config.watchSecs());
    }
    JobUpdateSettings settings = new JobUpdateSettings()
        .setUpdateGroupSize(config.batchSize())
        .setMaxPerInstanceFailures(config.maxPerShardFailures())
        .setMaxFailedInstances(config.maxTotalFailures())
        .setMinWaitInInstanceRunningMs(config.watchSecs() * 1000)
        .setRollbackOnFailure(config.rollbackOnFailure())
        .setWaitForBatchCompletion(false)
        .setSlaAware(false)
        .setUpdateStrategy(JobUpdateStrategy.queueStrategy(
            new QueueJobUpdateStrategy(config.batchSize())));
    scope.ifPresent(s -> settings.setUpdateOnlyTheseInstances(new HashSet<>(s.ranges())));
    Set<Metadata> metadata = new HashSet<>();
    metadata.add(new Metadata(UPDATE_ID_KEY, updateId));
    return new JobUpdateRequest()
        .setTaskConfig(job.getTaskConfig().deepCopy())
        .setInstanceCount(job.getInstanceCount())
        .setSettings(settings)
        .setMetadata(metadata);
  }
}
