package io.aurora.server.client.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.BatchJobUpdateStrategy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.VariableBatchJobUpdateStrategy;
import io.aurora.server.client.config.UpdateConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The settings Aurora's client sends for each update_config (its table of JobUpdateSettings). */
class UpdateRequestBuilderTest {
  private static final JobConfiguration JOB =
      new JobConfiguration().setInstanceCount(3).setTaskConfig(new TaskConfig());

  @Test
  void noStrategy_isAQueueOfTheBatchSize_orABatchWhenBatchesMustComplete() {
    assertThat(settings(new UpdateConfig(2, 45, 0, 0, true)).getUpdateStrategy())
        .isEqualTo(JobUpdateStrategy.queueStrategy(new QueueJobUpdateStrategy(2)));
    JobUpdateSettings waiting = settings(new UpdateConfig(2, 45, 0, 0, true, true,
        OptionalInt.empty(), false, Optional.empty()));
    assertThat(waiting.getUpdateStrategy())
        .isEqualTo(JobUpdateStrategy.batchStrategy(new BatchJobUpdateStrategy(2, false)));
    assertThat(waiting.isWaitForBatchCompletion()).isTrue();
  }

  @Test
  void explicitStrategies_pulsesAndSlaAwareness() {
    JobUpdateSettings s = settings(new UpdateConfig(1, 30, 1, 2, false, false, OptionalInt.of(90),
        true, Optional.of(new UpdateConfig.VariableBatchStrategy(List.of(1, 5), true))));
    assertThat(s).isEqualTo(new JobUpdateSettings().setUpdateGroupSize(1)
        .setMaxPerInstanceFailures(1).setMaxFailedInstances(2).setMinWaitInInstanceRunningMs(30_000)
        .setRollbackOnFailure(false).setWaitForBatchCompletion(false).setSlaAware(true)
        .setBlockIfNoPulsesAfterMs(90_000)
        .setUpdateStrategy(JobUpdateStrategy.varBatchStrategy(
            new VariableBatchJobUpdateStrategy(List.of(1, 5), true))));
    assertThat(settings(strategy(new UpdateConfig.QueueStrategy(4))).getUpdateStrategy())
        .isEqualTo(JobUpdateStrategy.queueStrategy(new QueueJobUpdateStrategy(4)));
    assertThat(settings(strategy(new UpdateConfig.BatchStrategy(3, true))).getUpdateStrategy())
        .isEqualTo(JobUpdateStrategy.batchStrategy(new BatchJobUpdateStrategy(3, true)));
  }

  private static UpdateConfig strategy(UpdateConfig.Strategy s) {
    return new UpdateConfig(1, 45, 0, 0, true, false, OptionalInt.empty(), false, Optional.of(s));
  }

  private static JobUpdateSettings settings(UpdateConfig config) {
    return UpdateRequestBuilder.build(JOB, config, Optional.empty(), "id").getSettings();
  }
}
