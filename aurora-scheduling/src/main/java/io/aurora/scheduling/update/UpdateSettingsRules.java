package io.aurora.scheduling.update;

import io.aurora.gen.BatchJobUpdateStrategy;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.VariableBatchJobUpdateStrategy;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules {@code startJobUpdate} holds settings to, and the backfill of the deprecated
 * {@code updateGroupSize}/{@code waitForBatchCompletion} pair into {@code updateStrategy}.
 */
public final class UpdateSettingsRules {
  /** Aurora's {@code -max_update_instance_failures}: 4000 tasks per job times 5 failures. */
  public static final int DEFAULT_MAX_UPDATE_INSTANCE_FAILURES = 20_000;

  private UpdateSettingsRules() {}

  /**
   * A copy of {@code settings} with {@code updateStrategy} set: as given if present, else a batch
   * strategy of {@code updateGroupSize} when {@code waitForBatchCompletion}, else a queue strategy
   * of {@code updateGroupSize} (Aurora's backfill; the client still sends the old fields).
   */
  public static JobUpdateSettings backfilled(JobUpdateSettings settings) {
    JobUpdateSettings copy = Objects.requireNonNull(settings, "settings").deepCopy();
    if (!copy.isSetUpdateStrategy() || !copy.getUpdateStrategy().isSet()) {
      copy.setUpdateStrategy(copy.isWaitForBatchCompletion()
          ? JobUpdateStrategy.batchStrategy(
              new BatchJobUpdateStrategy(copy.getUpdateGroupSize(), false))
          : JobUpdateStrategy.queueStrategy(new QueueJobUpdateStrategy(copy.getUpdateGroupSize())));
    }
    return copy;
  }

  /**
   * What is wrong with backfilled {@code settings} for an update to {@code instanceCount}
   * instances, if anything: the first broken rule, naming the field.
   *
   * @param maxUpdateInstanceFailures the cap on {@code maxPerInstanceFailures * instanceCount}
   *     ({@code -max_update_instance_failures})
   */
  public static Optional<String> problem(JobUpdateSettings settings, int instanceCount,
      int maxUpdateInstanceFailures) {
    Objects.requireNonNull(settings, "settings");
    Optional<String> strategy = strategyProblem(settings.getUpdateStrategy());
    if (strategy.isPresent()) {
      return strategy;
    }
    if (settings.getMaxPerInstanceFailures() < 0) {
      return Optional.of("settings.maxPerInstanceFailures must not be negative, got "
          + settings.getMaxPerInstanceFailures());
    }
    if (settings.getMaxFailedInstances() < 0) {
      return Optional.of("settings.maxFailedInstances must not be negative, got "
          + settings.getMaxFailedInstances());
    }
    long potential = (long) settings.getMaxPerInstanceFailures() * instanceCount;
    if (potential > maxUpdateInstanceFailures) {
      return Optional.of("settings.maxPerInstanceFailures " + settings.getMaxPerInstanceFailures()
          + " times " + instanceCount + " instances allows " + potential
          + " failures, more than the limit of " + maxUpdateInstanceFailures
          + " (-max_update_instance_failures): allow fewer failures per instance");
    }
    if (settings.getMinWaitInInstanceRunningMs() < 0) {
      return Optional.of("settings.minWaitInInstanceRunningMs must not be negative, got "
          + settings.getMinWaitInInstanceRunningMs());
    }
    if (settings.isSetBlockIfNoPulsesAfterMs() && settings.getBlockIfNoPulsesAfterMs() < 0) {
      return Optional.of("settings.blockIfNoPulsesAfterMs must not be negative, got "
          + settings.getBlockIfNoPulsesAfterMs());
    }
    return Optional.empty();
  }

  private static Optional<String> strategyProblem(JobUpdateStrategy strategy) {
    if (strategy == null || !strategy.isSet()) {
      return Optional.of("settings.updateStrategy is required");
    }
    if (strategy.isSetQueueStrategy()) {
      return positive("settings.updateStrategy.queueStrategy.groupSize",
          strategy.getQueueStrategy().getGroupSize());
    }
    if (strategy.isSetBatchStrategy()) {
      return positive("settings.updateStrategy.batchStrategy.groupSize",
          strategy.getBatchStrategy().getGroupSize());
    }
    VariableBatchJobUpdateStrategy variable = strategy.getVarBatchStrategy();
    if (variable.getGroupSizes() == null || variable.getGroupSizes().isEmpty()) {
      return Optional.of("settings.updateStrategy.varBatchStrategy.groupSizes must not be empty");
    }
    for (Integer size : variable.getGroupSizes()) {
      if (size == null || size <= 0) {
        return Optional.of("settings.updateStrategy.varBatchStrategy.groupSizes must all be "
            + "positive, got " + variable.getGroupSizes());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> positive(String field, int value) {
    return value > 0 ? Optional.empty()
        : Optional.of(field + " must be positive, got " + value
            + " (without an updateStrategy, settings.updateGroupSize sets it)");
  }
}
