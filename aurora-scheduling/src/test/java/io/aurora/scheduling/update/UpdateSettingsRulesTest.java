package io.aurora.scheduling.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.BatchJobUpdateStrategy;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.VariableBatchJobUpdateStrategy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateSettingsRulesTest {
  private static JobUpdateSettings valid() {
    return UpdateSettingsRules.backfilled(new JobUpdateSettings().setUpdateGroupSize(2)
        .setMaxPerInstanceFailures(1).setMaxFailedInstances(0).setMinWaitInInstanceRunningMs(0));
  }

  private static Optional<String> problem(JobUpdateSettings s) {
    return UpdateSettingsRules.problem(s, 10, 20_000);
  }

  @Test
  void backfill_mapsTheDeprecatedFields_onlyWithoutAStrategy() {
    assertThat(UpdateSettingsRules.backfilled(new JobUpdateSettings().setUpdateGroupSize(3))
        .getUpdateStrategy()).isEqualTo(JobUpdateStrategy.queueStrategy(
            new QueueJobUpdateStrategy(3)));
    assertThat(UpdateSettingsRules.backfilled(new JobUpdateSettings().setUpdateGroupSize(3)
        .setWaitForBatchCompletion(true)).getUpdateStrategy()).isEqualTo(
            JobUpdateStrategy.batchStrategy(new BatchJobUpdateStrategy(3, false)));
    JobUpdateStrategy given = JobUpdateStrategy.varBatchStrategy(
        new VariableBatchJobUpdateStrategy(List.of(1, 5), true));
    JobUpdateSettings explicit = new JobUpdateSettings().setUpdateGroupSize(3)
        .setWaitForBatchCompletion(true).setUpdateStrategy(given);
    assertThat(UpdateSettingsRules.backfilled(explicit).getUpdateStrategy()).isEqualTo(given);
    assertThat(explicit.getUpdateStrategy()).isSameAs(given);
  }

  @Test
  void validSettings_haveNoProblem() {
    assertThat(problem(valid())).isEmpty();
    assertThat(problem(valid().setBlockIfNoPulsesAfterMs(0))).isEmpty();
  }

  @Test
  void eachRule_namesItsField() {
    assertThat(problem(valid().setUpdateStrategy(JobUpdateStrategy.batchStrategy(
        new BatchJobUpdateStrategy(0, false))))).get().asString().contains("batchStrategy.groupSize");
    assertThat(problem(valid().setUpdateStrategy(JobUpdateStrategy.varBatchStrategy(
        new VariableBatchJobUpdateStrategy(List.of(), false))))).get().asString()
        .contains("groupSizes");
    assertThat(problem(valid().setMaxPerInstanceFailures(-1))).get().asString()
        .contains("maxPerInstanceFailures");
    assertThat(problem(valid().setMaxFailedInstances(-1))).get().asString()
        .contains("maxFailedInstances");
    assertThat(problem(valid().setMinWaitInInstanceRunningMs(-5))).get().asString()
        .contains("minWaitInInstanceRunningMs");
    assertThat(problem(valid().setBlockIfNoPulsesAfterMs(-1))).get().asString()
        .contains("blockIfNoPulsesAfterMs");
    // slaAware is checked against the task config's policy by the API, not here.
    assertThat(problem(valid().setSlaAware(true))).isEmpty();
  }

  @Test
  void theFailureCap_boundsPerInstanceFailuresTimesInstances() {
    JobUpdateSettings s = valid().setMaxPerInstanceFailures(2_000);
    assertThat(UpdateSettingsRules.problem(s, 10, 20_000)).isEmpty();
    assertThat(UpdateSettingsRules.problem(s, 11, 20_000)).get().asString()
        .contains("22000").contains("-max_update_instance_failures");
    // No int overflow on absurd values.
    assertThat(UpdateSettingsRules.problem(valid().setMaxPerInstanceFailures(Integer.MAX_VALUE),
        4000, 20_000)).isPresent();
  }
}
