package io.aurora.scheduling.update;

import io.aurora.gen.JobUpdateStrategy;
import java.util.List;
import java.util.Objects;

/**
 * An update strategy: how many of the instances still to do may start now, given how many are in
 * flight and how many have finished (succeeded or failed) in the current direction. The caller
 * takes that many in its instance order ({@link UpdateOrder}).
 */
public interface InstancePicker {
  /** Instances to start now (0 if none may). */
  int startNow(int inFlight, int finished);

  /** Whether the update pauses itself each time a batch completes ({@code autopauseAfterBatch}). */
  boolean autopause();

  /** The picker of a (backfilled) {@code updateStrategy}. */
  static InstancePicker of(JobUpdateStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    if (strategy.isSetQueueStrategy()) {
      return new QueuePicker(strategy.getQueueStrategy().getGroupSize());
    }
    if (strategy.isSetBatchStrategy()) {
      return new BatchPicker(List.of(strategy.getBatchStrategy().getGroupSize()),
          strategy.getBatchStrategy().isAutopauseAfterBatch());
    }
    if (strategy.isSetVarBatchStrategy()) {
      return new BatchPicker(strategy.getVarBatchStrategy().getGroupSizes(),
          strategy.getVarBatchStrategy().isAutopauseAfterBatch());
    }
    throw new IllegalArgumentException("updateStrategy has no strategy set");
  }
}
