package io.aurora.server.client.update;

import io.aurora.gen.BatchJobUpdateStrategy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.Metadata;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.VariableBatchJobUpdateStrategy;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.config.UpdateConfig;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@code JobUpdateRequest} that {@code update start} sends, as Aurora's client does:
 * the job's task config and instance count, settings from the {@link UpdateConfig} (its strategy,
 * else a queue or batch strategy of the batch size, with the deprecated {@code updateGroupSize}
 * alongside), the scope as closed ranges, and the metadata entry that marks the request with a
 * fresh id.
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
        .setWaitForBatchCompletion(config.waitForBatchCompletion())
        .setSlaAware(config.slaAware())
        .setUpdateStrategy(strategy(config));
    config.pulseIntervalSecs().ifPresent(
        secs -> settings.setBlockIfNoPulsesAfterMs(Math.multiplyExact(secs, 1000)));
    scope.ifPresent(s -> settings.setUpdateOnlyTheseInstances(new HashSet<>(s.ranges())));
    Set<Metadata> metadata = new HashSet<>();
    metadata.add(new Metadata(UPDATE_ID_KEY, updateId));
    return new JobUpdateRequest()
        .setTaskConfig(job.getTaskConfig().deepCopy())
        .setInstanceCount(job.getInstanceCount())
        .setSettings(settings)
        .setMetadata(metadata);
  }

  /**
   * The strategy Aurora's client sends: the configured one, else a batch strategy of the batch
   * size when batches must complete, else a queue of the batch size.
   */
  static JobUpdateStrategy strategy(UpdateConfig config) {
    if (config.strategy().isEmpty()) {
      return config.waitForBatchCompletion()
          ? JobUpdateStrategy.batchStrategy(new BatchJobUpdateStrategy(config.batchSize(), false))
          : JobUpdateStrategy.queueStrategy(new QueueJobUpdateStrategy(config.batchSize()));
    }
    UpdateConfig.Strategy s = config.strategy().get();
    if (s instanceof UpdateConfig.QueueStrategy q) {
      return JobUpdateStrategy.queueStrategy(new QueueJobUpdateStrategy(q.groupSize()));
    }
    if (s instanceof UpdateConfig.BatchStrategy b) {
      return JobUpdateStrategy.batchStrategy(
          new BatchJobUpdateStrategy(b.groupSize(), b.autopauseAfterBatch()));
    }
    UpdateConfig.VariableBatchStrategy v = (UpdateConfig.VariableBatchStrategy) s;
    return JobUpdateStrategy.varBatchStrategy(
        new VariableBatchJobUpdateStrategy(v.groupSizes(), v.autopauseAfterBatch()));
  }
}
