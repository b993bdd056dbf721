package io.aurora.scheduling.updater;

import static io.aurora.scheduling.updater.UpdateScenario.request;
import static io.aurora.scheduling.updater.UpdateScenario.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.ScheduleStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Updates that roll back: on failure, or when asked. */
class UpdateRollbackTest {
  private static final Duration WATCH = Duration.ofSeconds(30);
  private final UpdateScenario s = new UpdateScenario();

  /** Plays Mesos with tasks of {@code bad} failing as they start. */
  private JobUpdateStatus driveFailing(JobUpdateKey key, String bad, int rounds) {
    for (int i = 0; i < rounds && UpdateScenario.isActive(s.status(key)); i++) {
      s.confirmKills();
      s.runPendingFailing(bad);
      s.h.advance(WATCH);
    }
    return s.status(key);
  }

  @Test
  void aVersionWhoseTasksFail_rollsBackByItself_toTheOldConfig() {
    s.createJob(3, "v1");
    JobUpdateKey key = s.start(request("v2", 3, settings(1, WATCH)));

    assertThat(driveFailing(key, "v2", 10)).isEqualTo(JobUpdateStatus.ROLLED_BACK);
    assertThat(s.versions()).containsOnly(Map.entry(0, "v1:RUNNING"), Map.entry(1, "v1:RUNNING"),
        Map.entry(2, "v1:RUNNING"));
    assertThat(s.statuses(key)).containsExactly(JobUpdateStatus.ROLLING_FORWARD,
        JobUpdateStatus.ROLLING_BACK, JobUpdateStatus.ROLLED_BACK);
    assertThat(s.details(key).getUpdateEvents().get(1).getMessage())
        .isEqualTo("Latest failure: instance 0 exited.");
    // Instances 1 and 2 were never touched, so rolling back found them as they should be.
    assertThat(s.instanceEvents(key)).containsExactly("0:INSTANCE_UPDATING",
        "0:INSTANCE_UPDATE_FAILED", "0:INSTANCE_ROLLING_BACK", "0:INSTANCE_ROLLED_BACK");
    assertThat(s.counter("update_transition_ROLLED_BACK")).isEqualTo(1);
    assertThat(s.counter("update_instance_transition_INSTANCE_UPDATE_FAILED")).isEqualTo(1);
  }

  @Test
  void failuresWithinTheBudget_areTolerated() {
    s.createJob(2, "v1");
    JobUpdateKey key = s.start(request("v2", 2, settings(1, WATCH).setMaxPerInstanceFailures(1)));
    s.confirmKills();
    s.runPendingFailing("v2");
    // One failure of instance 0 is within maxPerInstanceFailures: its replacement may run.
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLLING_FORWARD);
    s.h.advance(Duration.ofMinutes(1));
    s.runPending();
    assertThat(s.drive(key, WATCH, 10)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(s.versions()).containsOnly(Map.entry(0, "v2:RUNNING"), Map.entry(1, "v2:RUNNING"));
  }

  @Test
  void withoutRollbackOnFailure_theUpdateFails_andStops() {
    s.createJob(3, "v1");
    JobUpdateKey key = s.start(request("v2", 3, settings(1, WATCH).setRollbackOnFailure(false)));
    assertThat(driveFailing(key, "v2", 10)).isEqualTo(JobUpdateStatus.FAILED);
    assertThat(s.details(key).getUpdateEvents().get(1).getMessage())
        .isEqualTo("Latest failure: instance 0 exited.");
    assertThat(s.versions()).containsEntry(1, "v1:RUNNING").containsEntry(2, "v1:RUNNING");
    assertThat(s.h.updates.activeStatus(UpdateScenario.JOB)).isEmpty();
  }

  @Test
  void rollbackOnRequest_undoesInReverseOrder() {
    // Instances 0, 1, 3 run v1 (2 was killed): v2 over 3 instances adds 2, updates 0 and 1 and
    // removes 3, in that order; rolling back goes 3, 1, 0, 2.
    s.createJob(4, "v1");
    UpdateScenario.ok(s.api.killTasks(UpdateScenario.JOB, Set.of(2), null));
    s.confirmKills();
    JobUpdateKey key = s.start(request("v2", 3, settings(1, WATCH)));
    for (int i = 0; i < 3; i++) {
      s.confirmKills();
      s.runPending();
      s.h.advance(WATCH);
    }
    assertThat(s.instancesWith(key, JobUpdateAction.INSTANCE_UPDATED)).containsExactly(2, 0, 1);
    assertThat(s.tasks(ScheduleStatus.KILLING)).singleElement()
        .satisfies(t -> assertThat(t.getAssignedTask().getInstanceId()).isEqualTo(3));

    UpdateScenario.ok(s.api.rollbackJobUpdate(key, "bad idea"));
    assertThat(s.api.rollbackJobUpdate(key, null).getDetails().get(0).getMessage())
        .contains("already rolling back");
    assertThat(s.drive(key, WATCH, 12)).isEqualTo(JobUpdateStatus.ROLLED_BACK);

    assertThat(s.instancesWith(key, JobUpdateAction.INSTANCE_ROLLING_BACK))
        .containsExactly(3, 1, 0, 2);
    assertThat(s.instancesWith(key, JobUpdateAction.INSTANCE_ROLLED_BACK))
        .containsExactly(3, 1, 0, 2);
    assertThat(s.versions()).containsOnly(Map.entry(0, "v1:RUNNING"), Map.entry(1, "v1:RUNNING"),
        Map.entry(3, "v1:RUNNING"));
    var rollback = s.details(key).getUpdateEvents().get(1);
    assertThat(rollback.getStatus()).isEqualTo(JobUpdateStatus.ROLLING_BACK);
    assertThat(rollback.getMessage()).isEqualTo("bad idea");
    assertThat(rollback.getUser()).isEqualTo("UNSECURE");
    assertThat(s.statuses(key)).endsWith(JobUpdateStatus.ROLLED_BACK);
    assertThat(s.counter("update_instance_transition_INSTANCE_ROLLED_BACK")).isEqualTo(4);
  }
}
