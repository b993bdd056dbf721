package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.testing.SchedulerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/** An ACCEPT the master did not take: its tasks become LOST at once and are rescheduled. */
class LaunchFailuresTest {
  private final SchedulerHarness h = new SchedulerHarness();

  private static TaskConfig web() {
    return Fixtures.config("www", "web", 0.5, 128, 10, "http");
  }

  private static String lastMessage(ScheduledTask task) {
    List<TaskEvent> events = task.getTaskEvents();
    return events.get(events.size() - 1).getMessage();
  }

  @Test
  void refusedAccept_marksEveryTaskLost_andReplacesEach_pendingAfterTheFlappingDelay() {
    List<String> ids = h.insertPending(web(), Set.of(0, 1));
    Offer offer = h.offer("agent-1", 8, 8192);
    h.driver.refuseAccepts("the Mesos master answered 500 boom");

    assertThat(h.loop.runOnce()).isEqualTo(2);

    assertThat(h.driver.calls(Call.Type.ACCEPT)).hasSize(1);
    assertThat(h.ids(ScheduleStatus.ASSIGNED)).isEmpty();
    assertThat(h.ids(ScheduleStatus.LOST)).containsExactlyInAnyOrderElementsOf(ids);
    for (String id : ids) {
      assertThat(lastMessage(h.task(id).orElseThrow()))
          .isEqualTo("Task failed to launch: the Mesos master answered 500 boom");
    }
    // Rescheduled at once by the state machine; a task lost right after ASSIGNED counts as
    // flapping, so its replacement waits out the initial flapping delay (30 s) in THROTTLED, which
    // also keeps a master that refuses every ACCEPT from being flooded.
    List<ScheduledTask> replacements = h.tasks(ScheduleStatus.THROTTLED);
    assertThat(replacements).extracting(ScheduledTask::getAncestorId)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(replacements).extracting(t -> t.getAssignedTask().getInstanceId())
        .containsExactlyInAnyOrder(0, 1);
    h.advance(Duration.ofSeconds(30));
    assertThat(h.tasks(ScheduleStatus.PENDING)).extracting(ScheduledTask::getAncestorId)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(h.launchFailures.launchFailures()).isEqualTo(2);
    // The refused offer is handed back rather than left outstanding at the master.
    List<Call> declines = h.driver.calls(Call.Type.DECLINE);
    assertThat(declines).hasSize(1);
    assertThat(declines.get(0).getDecline().getOfferIdsList()).containsExactly(offer.getId());
  }

  @Test
  void replacement_isPlacedOnTheNextOffer_andNoTimeoutIsNeeded() {
    String first = h.insertPending(web(), Set.of(0)).get(0);
    h.offer("agent-1", 8, 8192);
    h.driver.refuseAccepts("not subscribed to Mesos");
    h.loop.runOnce();
    h.driver.takeAccepts();
    h.advance(Duration.ofSeconds(30));   // the replacement's flapping penalty

    h.offer("agent-2", 8, 8192);
    assertThat(h.loop.runOnce()).isEqualTo(1);
    ScheduledTask second = h.tasks(ScheduleStatus.ASSIGNED).get(0);
    assertThat(second.getAncestorId()).isEqualTo(first);
    h.update(second.getAssignedTask().getTaskId(), TaskState.TASK_RUNNING);
    assertThat(h.ids(ScheduleStatus.RUNNING)).containsExactly(second.getAssignedTask().getTaskId());

    // The LOST task's transient timer finds nothing to do: it is not counted as timed out.
    h.advance(Duration.ofMinutes(6));
    assertThat(h.taskTimers.timedOutTasks()).isZero();
    assertThat(h.task(first).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.LOST);
  }

  @Test
  void taskThatMovedOnBeforeTheReport_isLeftAlone() {
    String id = h.insertPending(web(), Set.of(0)).get(0);
    h.offer("agent-1", 8, 8192);
    h.loop.runOnce();
    h.writer.write((s, changes) -> h.stateManager.changeState(s, id, ScheduleStatus.KILLING,
        Optional.of("Killed by test"), changes));

    int moved = h.launchFailures.markLost(new LaunchFailures.Failed(
        List.of(OfferID.newBuilder().setValue("offer-1").build()), List.of(id), "late"));

    assertThat(moved).isZero();
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.KILLING);
    assertThat(h.tasks(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED)).isEmpty();
  }

  @Test
  void failed_collectsTheTasksOfLaunchAndLaunchGroup_andIgnoresOtherOperations() {
    Offer.Operation launch = Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH)
        .setLaunch(Offer.Operation.Launch.newBuilder().addTaskInfos(info("a"))).build();
    Offer.Operation group = Offer.Operation.newBuilder()
        .setType(Offer.Operation.Type.LAUNCH_GROUP)
        .setLaunchGroup(Offer.Operation.LaunchGroup.newBuilder()
            .setTaskGroup(TaskGroupInfo.newBuilder().addTasks(info("b")).addTasks(info("c")))
            .buildPartial())   // a real LAUNCH_GROUP also names its executor; not needed here
        .buildPartial();
    Offer.Operation reserve = Offer.Operation.newBuilder()
        .setType(Offer.Operation.Type.RESERVE).build();

    LaunchFailures.Failed failed =
        LaunchFailures.Failed.of(List.of(), List.of(launch, reserve, group), "why");

    assertThat(failed.taskIds()).containsExactly("a", "b", "c");
  }

  private static TaskInfo info(String id) {
    return TaskInfo.newBuilder().setName(id).setTaskId(TaskID.newBuilder().setValue(id))
        .setAgentId(org.apache.mesos.v1.Protos.AgentID.newBuilder().setValue("agent")).build();
  }
}
