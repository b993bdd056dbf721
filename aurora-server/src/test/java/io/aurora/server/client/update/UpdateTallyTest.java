package io.aurora.server.client.update;

import static io.aurora.server.client.update.UpdateFixtures.details;
import static io.aurora.server.client.update.UpdateFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.Range;
import io.aurora.gen.TaskConfig;
import org.junit.jupiter.api.Test;

class UpdateTallyTest {
  @Test
  void eachInstanceCountsByItsLatestEvent_inTimeOrderNotListOrder() {
    JobUpdateDetails d = details("u", JobUpdateStatus.ROLLING_BACK,
        event(0, 5, JobUpdateAction.INSTANCE_ROLLING_BACK),
        event(0, 1, JobUpdateAction.INSTANCE_UPDATED),
        event(1, 2, JobUpdateAction.INSTANCE_UPDATE_FAILED),
        event(1, 6, JobUpdateAction.INSTANCE_ROLLED_BACK),
        event(2, 3, JobUpdateAction.INSTANCE_ROLLBACK_FAILED));

    // Rolling back: the three touched instances; instance 1 is back, instance 2's rollback
    // failed, instance 0 is on its way back.
    assertThat(UpdateTally.of(d)).isEqualTo(new UpdateTally(1, 1, 3, JobUpdateStatus.ROLLING_BACK));
  }

  @Test
  void rollingBack_countsOnlyTouchedInstances_andNotTheForwardFailures() {
    JobUpdateDetails d = details("u", JobUpdateStatus.ROLLED_BACK,
        event(0, 1, JobUpdateAction.INSTANCE_UPDATING),
        event(0, 2, JobUpdateAction.INSTANCE_UPDATE_FAILED),
        event(1, 1, JobUpdateAction.INSTANCE_UPDATING),
        event(1, 3, JobUpdateAction.INSTANCE_ROLLING_BACK),
        event(1, 4, JobUpdateAction.INSTANCE_ROLLED_BACK),
        event(0, 5, JobUpdateAction.INSTANCE_ROLLING_BACK),
        event(0, 6, JobUpdateAction.INSTANCE_ROLLED_BACK));

    assertThat(UpdateTally.of(d)).hasToString("2 of 2 instances done, 0 failed, ROLLED_BACK");
  }

  @Test
  void total_isTheUnionOfDesiredAndInitialInstances() {
    JobUpdateDetails d = details("u", JobUpdateStatus.ROLLING_FORWARD);
    d.getUpdate().getInstructions().getInitialState().add(
        new InstanceTaskConfig(new TaskConfig(), UpdateFixtures.ranges(new Range(6, 7))));
    assertThat(UpdateTally.of(d).total()).isEqualTo(6);

    d.getUpdate().getInstructions().setDesiredState(null);
    assertThat(UpdateTally.of(d).total()).as("a shrink to nothing: only the initial ones")
        .isEqualTo(5);
  }

  @Test
  void printsDoneOfTotalFailuresAndStatus() {
    assertThat(new UpdateTally(3, 1, 10, JobUpdateStatus.ROLL_FORWARD_PAUSED))
        .hasToString("3 of 10 instances done, 1 failed, ROLL_FORWARD_PAUSED");
  }
}
