package io.aurora.server.client.config;

import io.aurora.server.client.cli.ClientFailure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a job is updated, with the fields and defaults of Aurora's client's {@code UpdateConfig}
 * ({@code batch_size} 1, {@code watch_secs} 45, {@code max_per_shard_failures} 0, {@code
 * max_total_failures} 0, {@code rollback_on_failure} true, {@code wait_for_batch_completion}
 * false, no {@code pulse_interval_secs}, {@code sla_aware} false, no {@code update_strategy}). An
 * Aurora job file carries one ({@code update_config}); {@code update start}'s flags override the
 * first five field by field.
 *
 * @param batchSize instances updated at once ({@code --batch-size})
 * @param watchSecs seconds an updated instance must stay RUNNING ({@code --watch-secs})
 * @param maxPerShardFailures failures an instance may have before it counts as failed
 *     ({@code --max-per-instance-failures})
 * @param maxTotalFailures failed instances the update tolerates ({@code --max-total-failures})
 * @param rollbackOnFailure whether too many failures roll the update back ({@code --no-rollback})
 * @param waitForBatchCompletion whether a batch must finish before the next starts
 * @param pulseIntervalSecs when set, the update blocks unless pulsed this often
 * @param slaAware whether instances are updated only as the job's SLA policy allows
 * @param strategy an explicit strategy; none: a queue of {@code batchSize} (a batch strategy when
 *     {@code waitForBatchCompletion})
 */
public record UpdateConfig(int batchSize, int watchSecs, int maxPerShardFailures,
    int maxTotalFailures, boolean rollbackOnFailure, boolean waitForBatchCompletion,
    OptionalInt pulseIntervalSecs, boolean slaAware, Optional<Strategy> strategy) {
  /** Aurora's client's defaults. */
  public static final UpdateConfig DEFAULTS = new UpdateConfig(1, 45, 0, 0, true);
  /** The shortest pulse interval Aurora's client accepts. */
  public static final int MIN_PULSE_INTERVAL_SECS = 60;

  /** An explicit {@code update_strategy}. */
  public sealed interface Strategy permits QueueStrategy, BatchStrategy, VariableBatchStrategy {}

  /** Keep {@code groupSize} instances updating at any time. */
  public record QueueStrategy(int groupSize) implements Strategy {}

  /** Update {@code groupSize} instances, wait for all of them, then the next batch. */
  public record BatchStrategy(int groupSize, boolean autopauseAfterBatch) implements Strategy {}

  /** Batches of the given sizes in turn (the last repeats). */
  public record VariableBatchStrategy(List<Integer> groupSizes, boolean autopauseAfterBatch)
      implements Strategy {
    public VariableBatchStrategy {
      groupSizes = List.copyOf(groupSizes);
    }
  }

  public UpdateConfig {
    Objects.requireNonNull(pulseIntervalSecs, "pulseIntervalSecs");
    Objects.requireNonNull(strategy, "strategy");
  }

  /** The five settings {@code update start} has flags for; the others at their defaults. */
  public UpdateConfig(int batchSize, int watchSecs, int maxPerShardFailures, int maxTotalFailures,
      boolean rollbackOnFailure) {
    this(batchSize, watchSecs, maxPerShardFailures, maxTotalFailures, rollbackOnFailure, false,
        OptionalInt.empty(), false, Optional.empty());
  }

  /** This config with the five settings {@code update start} has flags for replaced. */
  public UpdateConfig with(int batchSize, int watchSecs, int maxPerShardFailures,
      int maxTotalFailures, boolean rollbackOnFailure) {
    return new UpdateConfig(batchSize, watchSecs, maxPerShardFailures, maxTotalFailures,
        rollbackOnFailure, waitForBatchCompletion, pulseIntervalSecs, slaAware, strategy);
  }

  /**
   * Checks the settings as Aurora's client does before it starts an update of a job of {@code
   * instanceCount} instances.
   *
   * @throws ClientFailure with exit status 3 and one line naming the flag or field
   */
  public UpdateConfig validate(int instanceCount) {
    require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
    require(watchSecs >= 0, "--watch-secs must not be negative, got " + watchSecs);
    require(maxPerShardFailures >= 0,
        "--max-per-instance-failures must not be negative, got " + maxPerShardFailures);
    require(maxTotalFailures >= 0,
        "--max-total-failures must not be negative, got " + maxTotalFailures);
    require(maxTotalFailures < instanceCount, "--max-total-failures (" + maxTotalFailures
        + ") must be less than the job's instance count (" + instanceCount + ")");
    pulseIntervalSecs.ifPresent(p -> require(p >= MIN_PULSE_INTERVAL_SECS,
        "update_config.pulse_interval_secs must be at least " + MIN_PULSE_INTERVAL_SECS
            + ", got " + p));
    if (strategy.isPresent()) {
      require(!waitForBatchCompletion && batchSize == 1, "Ambiguous update configuration: "
          + "update_config.update_strategy goes with neither wait_for_batch_completion nor a "
          + "batch_size (--batch-size) above 1; set the batch size in the strategy");
      Strategy s = strategy.get();
      if (s instanceof QueueStrategy q) {
        require(q.groupSize() >= 1, "update_strategy batch_size must be at least 1, got "
            + q.groupSize());
      } else if (s instanceof BatchStrategy b) {
        require(b.groupSize() >= 1, "update_strategy batch_size must be at least 1, got "
            + b.groupSize());
      } else if (s instanceof VariableBatchStrategy v) {
        require(!v.groupSizes().isEmpty() && v.groupSizes().stream().allMatch(n -> n >= 1),
            "update_strategy batch_sizes must be a non-empty list of sizes of at least 1, got "
                + v.groupSizes());
      }
    }
    return this;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw ClientFailure.invalidConfiguration(message);
    }
  }
}
