package io.aurora.scheduling.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.Identity;
import io.aurora.gen.InstanceKey;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.scheduling.testing.StoredUpdates;
import io.aurora.scheduling.updater.ActiveUpdates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calls that change a job's tasks directly, on a job whose tasks an active update owns: they
 * answer JOB_UPDATING_ERROR naming the job and the update, and change nothing. Once the update
 * has ended they work as before. Fixture: www/prod/hello with instances 0 and 1 RUNNING.
 */
class JobUpdatingErrorTest {
  private static final JobKey JOB = JobKeys.from("www", "prod", "hello");

  private final SchedulerHarness h = new SchedulerHarness();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AuroraAdminService api = UpdateReadApiTest.service(h, registry);

  JobUpdatingErrorTest() {
    assertThat(api.createJob(job(2)).getResponseCode()).isEqualTo(ResponseCode.OK);
    h.offer("agent-1", 16, 16384);
    h.loop.runOnce();
    for (ScheduledTask t : h.tasks(ScheduleStatus.ASSIGNED)) {
      h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_RUNNING);
    }
    assertThat(h.tasks(ScheduleStatus.RUNNING)).hasSize(2);
  }

  private static JobConfiguration job(int instances) {
    TaskConfig config = Fixtures.config("www", "hello", 0.5, 128, 10, "http");
    config.unsetJob();
    return new JobConfiguration().setKey(JOB.deepCopy()).setOwner(new Identity().setUser("me"))
        .setTaskConfig(config).setInstanceCount(instances);
  }

  private Map<String, ScheduleStatus> tasks() {
    Map<String, ScheduleStatus> out = new TreeMap<>();
    h.storage.read(s -> s.taskStore().fetchTasks(TaskQueries.all().build()))
        .forEach(t -> out.put(t.getAssignedTask().getTaskId(), t.getStatus()));
    return out;
  }

  private static void assertUpdating(Response r, JobUpdateKey update) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails())
        .isEqualTo(ResponseCode.JOB_UPDATING_ERROR);
    assertThat(r.getDetails()).singleElement().satisfies(d -> assertThat(d.getMessage())
        .contains("www/prod/hello", update.getId(), "wait", "abort"));
    assertThat(r.getServerInfo().getClusterName()).isEqualTo("test-cluster");
  }

  private static void assertOk(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
  }

  @Test
  void activeUpdate_refusesKillRestartAddAndCreate_andChangesNothing() {
    JobUpdateKey update = StoredUpdates.store(h.storage, JOB, "upd-1", "alice", 1000,
        JobUpdateStatus.ROLLING_FORWARD);
    Map<String, ScheduleStatus> before = tasks();

    assertUpdating(api.killTasks(JOB, Set.of(), "bye"), update);
    assertUpdating(api.killTasks(JOB, Set.of(1), null), update);
    assertUpdating(api.restartShards(JOB, Set.of(0, 1)), update);
    assertUpdating(api.addInstances(new InstanceKey(JOB, 0), 3), update);
    assertUpdating(api.createJob(job(1)), update);

    assertThat(tasks()).isEqualTo(before);
    assertThat(h.driver.calls(Call.Type.KILL)).isEmpty();
    assertThat(registry.counter("scheduler_thrift_response_JOB_UPDATING_ERROR").count())
        .isEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource(JobUpdateStatus.class)
  void killTasks_isRefusedExactlyWhileTheUpdateIsActive(JobUpdateStatus status) {
    JobUpdateKey update = StoredUpdates.store(h.storage, JOB, "upd-1", "alice", 1000,
        JobUpdateStatus.ROLLING_FORWARD, status);
    Response r = api.killTasks(JOB, Set.of(0), null);
    if (ActiveUpdates.isActive(status)) {
      assertUpdating(r, update);
      assertThat(r.getDetails().get(0).getMessage()).contains(status.name());
      assertThat(h.tasks(ScheduleStatus.RUNNING)).hasSize(2);
    } else {
      assertOk(r);
      assertThat(h.tasks(ScheduleStatus.KILLING)).hasSize(1);
    }
  }

  @Test
  void activeStatuses_areAurorasSix() {
    assertThat(ActiveUpdates.STATUSES).containsExactlyInAnyOrderElementsOf(EnumSet.of(
        JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLLING_BACK,
        JobUpdateStatus.ROLL_FORWARD_PAUSED, JobUpdateStatus.ROLL_BACK_PAUSED,
        JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE, JobUpdateStatus.ROLL_BACK_AWAITING_PULSE));
  }

  @Test
  void onlyFinishedUpdates_everyCallWorksAsBefore() {
    StoredUpdates.store(h.storage, JOB, "old-1", "alice", 1000,
        JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLLED_FORWARD);
    StoredUpdates.store(h.storage, JOB, "old-2", "alice", 2000,
        JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLLING_BACK, JobUpdateStatus.ROLLED_BACK);

    assertOk(api.addInstances(new InstanceKey(JOB, 0), 1));
    assertThat(h.tasks(ScheduleStatus.PENDING)).hasSize(1);
    assertOk(api.restartShards(JOB, Set.of(1)));
    assertThat(h.tasks(ScheduleStatus.RESTARTING)).hasSize(1);
    assertOk(api.killTasks(JOB, Set.of(0), null));
    assertThat(h.tasks(ScheduleStatus.KILLING)).singleElement()
        .satisfies(t -> assertThat(t.getAssignedTask().getInstanceId()).isZero());
  }

  @Test
  void anotherJobsActiveUpdate_doesNotBlockThisJob() {
    StoredUpdates.store(h.storage, JobKeys.from("www", "prod", "other"), "upd-9", "alice", 1000,
        JobUpdateStatus.ROLLING_FORWARD);
    assertOk(api.killTasks(JOB, Set.of(0), null));
    assertThat(h.tasks(ScheduleStatus.KILLING)).hasSize(1);
  }

  @Test
  void badArguments_areStillInvalidRequest_whileUpdating() {
    StoredUpdates.store(h.storage, JOB, "upd-1", "alice", 1000, JobUpdateStatus.ROLLING_FORWARD);
    assertThat(api.killTasks(JOB, Set.of(-1), null).getResponseCode())
        .isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(api.addInstances(new InstanceKey(JOB, 0), 0).getResponseCode())
        .isEqualTo(ResponseCode.INVALID_REQUEST);
  }
}
