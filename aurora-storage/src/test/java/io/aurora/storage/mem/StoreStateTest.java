package io.aurora.storage.mem;

import static io.aurora.storage.StoreFixtures.host;
import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static io.aurora.storage.StoreFixtures.jobConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskEvent;
import io.aurora.gen.storage.Op;
import io.aurora.gen.storage.Snapshot;
import io.aurora.gen.storage.StoredTask;
import io.aurora.gen.TaskQuery;
import io.aurora.api.TaskQueries;
import io.aurora.storage.StoreFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreStateTest {

  private static final String BIG = "x".repeat(1024);

  static StoreState populated() {
    StoreState base = StoreState.empty();
    RecordingStores tx = new RecordingStores(new StateDraft(base));
    tx.taskStore().saveTasks(instances(job("a"), 50, BIG));
    tx.taskStore().saveTasks(instances(job("b"), 5, BIG));
    tx.taskStore().assign("a-3", "agent", "host-1", Map.of("http", 1));
    tx.taskStore().changeStatus("a-3", new TaskEvent(2L, ScheduleStatus.ASSIGNED));
    tx.jobStore().saveJob(jobConfig(job("a"), 50));
    tx.cronJobStore().saveAcceptedJob(jobConfig(job("c"), 1).setCronSchedule("* * * * *"));
    tx.quotaStore().saveQuota("www-data", new ResourceAggregate(Set.of(Resource.numCpus(4))));
    tx.attributeStore().saveHostAttributes(host("host-1"));
    tx.jobUpdateStore().saveJobUpdate(StoreFixtures.update(job("a"), "u", "me"));
    tx.schedulerStore().saveFrameworkId("fw");
    tx.finish();
    return tx.draft().toState(17);
  }

  @Test
  public void instancesOfAJob_shareOneStoredConfig() {
    StoreState state = populated();
    assertThat(state.taskCount()).isEqualTo(55);
    assertThat(state.taskConfigCount()).isEqualTo(2);
  }

  @Test
  public void snapshot_roundTrips() {
    StoreState state = populated();
    Snapshot snapshot = state.toSnapshot(123L);
    assertThat(snapshot.getTaskConfigs()).hasSize(2);
    assertThat(snapshot.getLogPosition()).isEqualTo(17);
    StoreState loaded = StoreState.fromSnapshot(snapshot);
    assertThat(loaded.toSnapshot(123L)).isEqualTo(snapshot);
    assertThat(loaded.logPosition()).isEqualTo(17);
  }

  @Test
  public void snapshotLoadedAtOnce_answersEveryIndexLikeTheOriginal() {
    StoreState state = populated();
    StoreState loaded = StoreState.fromSnapshot(state.toSnapshot(1L));
    for (TaskQuery query : List.of(TaskQueries.bySlaveHosts("host-1").build(),
        TaskQueries.byStatuses(ScheduleStatus.ASSIGNED).build(),
        TaskQueries.byStatuses(ScheduleStatus.PENDING).build(),
        TaskQueries.byJob(job("b")).build(), TaskQueries.byInstances(job("a"), 3, 4).build())) {
      assertThat(loaded.stores().taskStore().fetchTasks(query))
          .containsExactlyInAnyOrderElementsOf(state.stores().taskStore().fetchTasks(query))
          .isNotEmpty();
    }
    assertThat(loaded.stores().taskStore().countByStatus())
        .isEqualTo(state.stores().taskStore().countByStatus());
    // The configs' task counts came along: dropping job b's tasks drops its config.
    RecordingStores tx = new RecordingStores(new StateDraft(loaded));
    tx.taskStore().removeTasks(Set.of("b-0", "b-1", "b-2", "b-3", "b-4"));
    tx.finish();
    assertThat(tx.draft().toState(18).taskConfigCount()).isEqualTo(1);
  }

  @Test
  public void snapshotWithARepeatedTask_keepsTheLaterOne() {
    Snapshot snapshot = populated().toSnapshot(1L);
    StoredTask first = snapshot.getTasks().get(0);
    StoredTask again = first.deepCopy();
    again.getTask().setStatus(ScheduleStatus.KILLED);
    snapshot.getTasks().add(again);
    StoreState loaded = StoreState.fromSnapshot(snapshot);
    String id = first.getTask().getAssignedTask().getTaskId();
    assertThat(loaded.taskCount()).isEqualTo(55);
    assertThat(loaded.stores().taskStore().fetchTask(id).orElseThrow().getStatus())
        .isEqualTo(ScheduleStatus.KILLED);
  }

  @Test
  public void removingLastTask_dropsItsConfig_withARecordedOp() {
    StoreState state = populated();
    RecordingStores tx = new RecordingStores(new StateDraft(state));
    tx.taskStore().removeTasks(Set.of("b-0", "b-1", "b-2", "b-3", "b-4"));
    List<Op> ops = tx.finish();
    assertThat(ops).extracting(Op::getSetField)
        .containsExactly(Op._Fields.REMOVE_TASKS, Op._Fields.REMOVE_TASK_CONFIGS);
    assertThat(tx.draft().toState(18).taskConfigCount()).isEqualTo(1);
    // Replaying the recorded ops gives the same state as the transaction built.
    assertThat(state.apply(ops, 18).toSnapshot(0)).isEqualTo(tx.draft().toState(18).toSnapshot(0));
  }
}
