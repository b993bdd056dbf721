package io.aurora.scheduling.updater;

import static io.aurora.scheduling.updater.UpdateScenario.request;
import static io.aurora.scheduling.updater.UpdateScenario.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.Resource;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.mem.MemStorage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Update affinity: a replaced instance's agent is held for its replacement. */
class UpdateAffinityTest {
  private static final Duration WATCH = Duration.ofSeconds(30);
  private static final Duration HOLD = Duration.ofMinutes(3);
  private static final JobKey OTHER = JobKeys.from("www", "prod", "other");

  private final UpdateScenario s = new UpdateScenario(new SchedulerHarness(new MemStorage(),
      new UpdateOptions(10, Duration.ofMinutes(15), Duration.ofDays(30), true, HOLD)));

  private String agentOf(ScheduledTask t) {
    return t.getAssignedTask().getSlaveId();
  }

  private List<ScheduledTask> otherTasks() {
    return s.h.storage.read(st -> st.taskStore().fetchTasks(TaskQueries.byJob(OTHER).build()));
  }

  @Test
  void theReplacement_goesBackToTheOldAgent_andOtherTasksStayOffIt() {
    s.createJob(1, "v1");
    String oldAgent = agentOf(s.tasks(ScheduleStatus.RUNNING).get(0));
    s.start(request("v2", 1, settings(1, WATCH)));
    s.confirmKills();
    TaskConfig other = Fixtures.config("www", "other", 0.5, 128, 10)
        .setOwner(new Identity().setUser("www"));
    UpdateScenario.ok(s.api.createJob(new JobConfiguration().setKey(OTHER.deepCopy())
        .setOwner(new Identity().setUser("www")).setTaskConfig(other).setInstanceCount(1)));

    // Only some other agent offers: the replacement waits for its own.
    s.h.offer("agent-elsewhere", 64, 65536);
    s.h.loop.runOnce();
    assertThat(s.tasks(ScheduleStatus.PENDING)).singleElement()
        .satisfies(t -> assertThat(UpdateScenario.version(t)).isEqualTo("v2"));
    assertThat(s.api.getPendingReason(TaskQueries.byJob(UpdateScenario.JOB).build()).getResult()
        .getGetPendingReasonResult().getReasons()).singleElement()
        .satisfies(r -> assertThat(r.getReason()).contains("update affinity"));
    assertThat(otherTasks()).singleElement()
        .satisfies(t -> assertThat(agentOf(t)).isEqualTo("agent-elsewhere"));

    // The old agent offers again: the replacement lands there, and a newcomer does not.
    UpdateScenario.ok(s.api.addInstances(new io.aurora.gen.InstanceKey(OTHER, 0), 1));
    s.h.offer(oldAgent, 64, 65536);
    s.h.loop.runOnce();
    assertThat(s.tasks(ScheduleStatus.ASSIGNED)).singleElement()
        .satisfies(t -> assertThat(agentOf(t)).isEqualTo(oldAgent));
    assertThat(otherTasks()).filteredOn(t -> t.getAssignedTask().getInstanceId() == 1)
        .singleElement().satisfies(t -> assertThat(t.getStatus()).isEqualTo(ScheduleStatus.PENDING));
    // The hold ended with the placement: the other job's new task may use the agent now.
    s.h.offer(oldAgent, 64, 65536);
    s.h.loop.runOnce();
    assertThat(otherTasks()).filteredOn(t -> t.getAssignedTask().getInstanceId() == 1)
        .singleElement().satisfies(t -> assertThat(agentOf(t)).isEqualTo(oldAgent));
  }

  @Test
  void aHeldAgent_isFreedAfterTheHoldTime() {
    s.createJob(1, "v1");
    JobUpdateKey key = s.start(request("v2", 1, settings(1, WATCH)));
    s.confirmKills();
    s.h.offer("agent-elsewhere", 64, 65536);
    s.h.loop.runOnce();
    assertThat(s.tasks(ScheduleStatus.PENDING)).hasSize(1);
    s.h.advance(HOLD);
    s.h.loop.runOnce();
    assertThat(s.tasks(ScheduleStatus.ASSIGNED)).singleElement()
        .satisfies(t -> assertThat(agentOf(t)).isEqualTo("agent-elsewhere"));
    assertThat(s.drive(key, WATCH, 5)).isEqualTo(io.aurora.gen.JobUpdateStatus.ROLLED_FORWARD);
  }

  @Test
  void aReplacementThatNeedsMore_holdsNothing() {
    s.createJob(1, "v1");
    var bigger = request("v2", 1, settings(1, WATCH));
    bigger.getTaskConfig().getResources().removeIf(Resource::isSetNumCpus);
    bigger.getTaskConfig().addToResources(Resource.numCpus(2));
    s.start(bigger);
    s.confirmKills();
    s.h.offer("agent-elsewhere", 64, 65536);
    s.h.loop.runOnce();
    assertThat(s.tasks(ScheduleStatus.ASSIGNED)).singleElement()
        .satisfies(t -> assertThat(agentOf(t)).isEqualTo("agent-elsewhere"));
  }
}
