package io.aurora.scheduling.updater;

import static io.aurora.scheduling.updater.UpdateScenario.request;
import static io.aurora.scheduling.updater.UpdateScenario.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.BatchJobUpdateStrategy;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.Range;
import io.aurora.gen.ScheduleStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;

/** Updates that roll forward, through the Thrift API on real storage with a fake clock. */
class UpdateForwardTest {
  private static final Duration WATCH = Duration.ofSeconds(30);
  private final UpdateScenario s = new UpdateScenario();

  @Test
  void queueOfOne_replacesEachInstanceInTurn_andSucceedsAfterTheWatch() {
    s.createJob(3, "v1");
    JobUpdateKey key = s.start(request("v2", 3, settings(1, WATCH)));

    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLLING_FORWARD);
    assertThat(s.tasks(ScheduleStatus.KILLING)).singleElement()
        .satisfies(t -> assertThat(t.getAssignedTask().getInstanceId()).isEqualTo(0));
    s.confirmKills();
    assertThat(s.versions()).containsEntry(0, "v2:PENDING");
    s.runPending();
    assertThat(s.versions()).containsEntry(0, "v2:RUNNING").containsEntry(1, "v1:RUNNING");

    s.h.advance(WATCH.minusSeconds(1));
    assertThat(s.tasks(ScheduleStatus.KILLING)).isEmpty();
    assertThat(s.instanceEvents(key)).containsExactly("0:INSTANCE_UPDATING");
    s.h.advance(Duration.ofSeconds(1));
    assertThat(s.instanceEvents(key)).containsExactly("0:INSTANCE_UPDATING", "0:INSTANCE_UPDATED",
        "1:INSTANCE_UPDATING");

    assertThat(s.drive(key, WATCH, 10)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(s.versions()).containsOnly(Map.entry(0, "v2:RUNNING"), Map.entry(1, "v2:RUNNING"),
        Map.entry(2, "v2:RUNNING"));
    assertThat(s.statuses(key)).containsExactly(JobUpdateStatus.ROLLING_FORWARD,
        JobUpdateStatus.ROLLED_FORWARD);
    assertThat(s.details(key).getUpdateEvents().get(0).getUser()).isEqualTo("UNSECURE");
    assertThat(s.details(key).getUpdateEvents().get(0).getMessage()).isEqualTo("deploying");
    assertThat(s.instancesWith(key, JobUpdateAction.INSTANCE_UPDATED)).containsExactly(0, 1, 2);
    assertThat(s.killedBy(key)).hasSize(3);
    assertThat(s.killsSent().values()).containsOnly(1);
    assertThat(s.counter("update_transition_ROLLED_FORWARD")).isEqualTo(1);
    assertThat(s.counter("update_transition_ROLLING_FORWARD")).isEqualTo(1);
    assertThat(s.counter("update_instance_transition_INSTANCE_UPDATED")).isEqualTo(3);
    assertThat(s.h.updates.activeStatus(UpdateScenario.JOB)).isEmpty();
  }

  @Test
  void startResult_carriesTheSummaryWithMetadata_andTheStoredInstructions() {
    s.createJob(2, "v1");
    var request = request("v2", 3, settings(2, WATCH)
        .setUpdateStrategy(null).setWaitForBatchCompletion(true));
    request.addToMetadata(new io.aurora.gen.Metadata("org.apache.aurora.client.update_id", "u-1"));
    var result = UpdateScenario.ok(s.api.startJobUpdate(request, null))
        .getResult().getStartJobUpdateResult();

    assertThat(result.getUpdateSummary().getKey()).isEqualTo(result.getKey());
    assertThat(result.getUpdateSummary().getUser()).isEqualTo("UNSECURE");
    assertThat(result.getUpdateSummary().getState().getStatus())
        .isEqualTo(JobUpdateStatus.ROLLING_FORWARD);
    assertThat(result.getUpdateSummary().getMetadata())
        .containsExactly(new io.aurora.gen.Metadata("org.apache.aurora.client.update_id", "u-1"));
    var instructions = s.details(result.getKey()).getUpdate().getInstructions();
    assertThat(instructions.getInitialState()).singleElement()
        .satisfies(i -> assertThat(i.getInstances()).containsExactly(new Range(0, 1)));
    assertThat(instructions.getDesiredState().getInstances()).containsExactly(new Range(0, 2));
    // Backfilled from the deprecated fields: waitForBatchCompletion means batches.
    assertThat(instructions.getSettings().getUpdateStrategy())
        .isEqualTo(JobUpdateStrategy.batchStrategy(new BatchJobUpdateStrategy(2, false)));
  }

  @Test
  void batches_startTheNextBatchOnlyWhenTheWholeBatchIsDone() {
    s.createJob(4, "v1");
    JobUpdateSettings batches = settings(2, WATCH).setUpdateStrategy(
        JobUpdateStrategy.batchStrategy(new BatchJobUpdateStrategy(2, false)));
    JobUpdateKey key = s.start(request("v2", 4, batches));
    assertThat(killing()).containsExactlyInAnyOrder(0, 1);
    s.confirmKills();
    s.place();
    // Instance 1 starts 20 s after instance 0: instance 0's watch ends first, yet nothing new
    // starts until the whole batch is done.
    s.report(ScheduleStatus.ASSIGNED, 0, TaskState.TASK_RUNNING);
    s.h.advance(Duration.ofSeconds(20));
    s.report(ScheduleStatus.ASSIGNED, 1, TaskState.TASK_RUNNING);
    s.h.advance(Duration.ofSeconds(10));
    assertThat(s.instancesWith(key, JobUpdateAction.INSTANCE_UPDATED)).containsExactly(0);
    assertThat(killing()).isEmpty();
    s.h.advance(Duration.ofSeconds(20));
    assertThat(s.instancesWith(key, JobUpdateAction.INSTANCE_UPDATED)).containsExactly(0, 1);
    assertThat(killing()).containsExactlyInAnyOrder(2, 3);
    assertThat(s.drive(key, WATCH, 10)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
  }

  @Test
  void autopause_pausesAfterEachBatch_untilResumed() {
    s.createJob(3, "v1");
    JobUpdateSettings batches = settings(1, WATCH).setUpdateStrategy(JobUpdateStrategy
        .varBatchStrategy(new io.aurora.gen.VariableBatchJobUpdateStrategy(List.of(1, 2), true)));
    JobUpdateKey key = s.start(request("v2", 3, batches));
    assertThat(s.drive(key, WATCH, 5)).isEqualTo(JobUpdateStatus.ROLL_FORWARD_PAUSED);
    assertThat(s.details(key).getUpdateEvents().get(1).getMessage())
        .isEqualTo("Update auto paused");
    assertThat(s.versions()).containsEntry(0, "v2:RUNNING").containsEntry(1, "v1:RUNNING");

    UpdateScenario.ok(s.api.resumeJobUpdate(key, "next batch"));
    assertThat(killing()).containsExactlyInAnyOrder(1, 2);
    assertThat(s.drive(key, WATCH, 5)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(s.statuses(key)).containsExactly(JobUpdateStatus.ROLLING_FORWARD,
        JobUpdateStatus.ROLL_FORWARD_PAUSED, JobUpdateStatus.ROLLING_FORWARD,
        JobUpdateStatus.ROLLED_FORWARD);
  }

  @Test
  void pauseAndResume_stopAndRestartProgress() {
    s.createJob(3, "v1");
    JobUpdateKey key = s.start(request("v2", 3, settings(1, WATCH)));
    UpdateScenario.ok(s.api.pauseJobUpdate(key, "hold on"));
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLL_FORWARD_PAUSED);
    // The kill already sent completes, but nothing moves while paused.
    assertThat(s.drive(key, WATCH, 3)).isEqualTo(JobUpdateStatus.ROLL_FORWARD_PAUSED);
    assertThat(s.versions()).containsOnly(Map.entry(1, "v1:RUNNING"), Map.entry(2, "v1:RUNNING"));
    assertThat(s.api.pauseJobUpdate(key, null).getDetails().get(0).getMessage())
        .contains("already paused");

    UpdateScenario.ok(s.api.resumeJobUpdate(key, "go"));
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLLING_FORWARD);
    assertThat(s.drive(key, WATCH, 10)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    var events = s.details(key).getUpdateEvents();
    assertThat(events.get(1).getMessage()).isEqualTo("hold on");
    assertThat(events.get(1).getUser()).isEqualTo("UNSECURE");
    assertThat(s.api.resumeJobUpdate(key, null).getDetails().get(0).getMessage())
        .contains("ended");
  }

  @Test
  void abort_endsTheUpdate_andLeavesTasksAsTheyAre() {
    s.createJob(3, "v1");
    JobUpdateKey key = s.start(request("v2", 3, settings(1, WATCH)));
    s.confirmKills();
    s.runPending();
    UpdateScenario.ok(s.api.abortJobUpdate(key, "enough"));
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ABORTED);
    s.h.advance(WATCH.multipliedBy(3));
    assertThat(s.versions()).containsOnly(Map.entry(0, "v2:RUNNING"), Map.entry(1, "v1:RUNNING"),
        Map.entry(2, "v1:RUNNING"));
    assertThat(s.tasks(ScheduleStatus.KILLING)).isEmpty();
    assertThat(UpdateScenario.ok(s.api.pulseJobUpdate(key)).getResult().getPulseJobUpdateResult()
        .getStatus()).isEqualTo(io.aurora.gen.JobUpdatePulseStatus.FINISHED);
  }

  @Test
  void growAndShrink_addFirst_thenRemove() {
    s.createJob(2, "v1");
    JobUpdateKey grow = s.start(request("v1", 4, settings(1, WATCH)));
    assertThat(s.tasks(ScheduleStatus.KILLING)).isEmpty();
    assertThat(s.drive(grow, WATCH, 10)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(s.versions()).hasSize(4).containsEntry(3, "v1:RUNNING");
    // Instances 0 and 1 were already as desired: no events for them.
    assertThat(s.instanceEvents(grow)).containsExactly("2:INSTANCE_UPDATING",
        "2:INSTANCE_UPDATED", "3:INSTANCE_UPDATING", "3:INSTANCE_UPDATED");

    JobUpdateKey shrink = s.start(request("v2", 2, settings(4, WATCH)));
    assertThat(s.drive(shrink, WATCH, 10)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(s.versions()).containsOnly(Map.entry(0, "v2:RUNNING"), Map.entry(1, "v2:RUNNING"));
    assertThat(s.details(shrink).getUpdate().getInstructions().getInitialState())
        .singleElement().satisfies(i -> assertThat(i.getInstances())
            .containsExactly(new Range(0, 3)));
  }

  @Test
  void updateOnlyTheseInstances_touchesOnlyThem() {
    s.createJob(4, "v1");
    JobUpdateSettings scoped = settings(2, WATCH)
        .setUpdateOnlyTheseInstances(Set.of(new Range(1, 2)));
    JobUpdateKey key = s.start(request("v2", 4, scoped));
    assertThat(s.drive(key, WATCH, 10)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(s.versions()).containsOnly(Map.entry(0, "v1:RUNNING"), Map.entry(1, "v2:RUNNING"),
        Map.entry(2, "v2:RUNNING"), Map.entry(3, "v1:RUNNING"));
  }

  private List<Integer> killing() {
    return s.tasks(ScheduleStatus.KILLING).stream()
        .map(t -> t.getAssignedTask().getInstanceId()).toList();
  }
}
