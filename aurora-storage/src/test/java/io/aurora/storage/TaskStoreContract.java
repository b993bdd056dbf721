package io.aurora.storage;

import static io.aurora.storage.StoreFixtures.config;
import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static io.aurora.storage.StoreFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.api.TaskQueries;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import io.aurora.gen.TaskQuery;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link TaskStore}. Subclasses supply a ready, empty storage. */
public abstract class TaskStoreContract {

  protected abstract Storage storage();

  private void write(Storage storage, java.util.function.Consumer<TaskStore.Mutable> work) {
    storage.write(stores -> {
      work.accept(stores.taskStore());
      return null;
    });
  }

  private static List<ScheduledTask> fetch(Storage storage, TaskQuery query) {
    return storage.read((StoreProvider s) -> s.taskStore().fetchTasks(query));
  }

  private static Set<String> ids(List<ScheduledTask> tasks) {
    return tasks.stream().map(t -> t.getAssignedTask().getTaskId()).collect(Collectors.toSet());
  }

  @Test
  public void saveTasks_thenFetch_returnsEqualTasks() {
    Storage storage = storage();
    List<ScheduledTask> tasks = instances(job("a"), 3, "{\"big\":1}");
    write(storage, s -> s.saveTasks(tasks));

    assertThat(storage.read((StoreProvider s) -> s.taskStore().fetchTask("a-1"))).contains(tasks.get(1));
    assertThat(fetch(storage, TaskQueries.all().build())).containsExactlyInAnyOrderElementsOf(tasks);
    assertThat(storage.read((StoreProvider s) -> s.taskStore().fetchTask("missing"))).isEmpty();
  }

  @Test
  public void queries_useEveryTerm() {
    Storage storage = storage();
    write(storage, s -> {
      s.saveTasks(instances(job("a"), 3, "{}"));
      s.saveTasks(instances(job("b"), 2, "{}"));
      s.assign("a-0", "agent-1", "host-1", Map.of("http", 31000));
      s.changeStatus("a-0", new TaskEvent(2000L, ScheduleStatus.ASSIGNED));
      s.assign("b-1", "agent-2", "host-2", Map.of());
    });

    assertThat(ids(fetch(storage, TaskQueries.byJob(job("a")).build())))
        .containsExactlyInAnyOrder("a-0", "a-1", "a-2");
    assertThat(ids(fetch(storage, TaskQueries.byInstances(job("a"), 1, 2).build())))
        .containsExactlyInAnyOrder("a-1", "a-2");
    assertThat(ids(fetch(storage, TaskQueries.bySlaveHosts("host-1", "host-2").build())))
        .containsExactlyInAnyOrder("a-0", "b-1");
    assertThat(ids(fetch(storage, TaskQueries.byStatuses(ScheduleStatus.ASSIGNED).build())))
        .containsExactly("a-0");
    assertThat(ids(fetch(storage, TaskQueries.byJob(job("b"))
        .statuses(ScheduleStatus.ASSIGNED).build()))).isEmpty();
    assertThat(ids(fetch(storage, TaskQueries.byRole("www-data").jobName("b").build())))
        .containsExactlyInAnyOrder("b-0", "b-1");
    assertThat(ids(fetch(storage, TaskQueries.byTaskIds("a-2", "nope").build())))
        .containsExactly("a-2");
    assertThat(ids(fetch(storage, TaskQueries.all().offset(1).limit(2).build())))
        .containsExactlyInAnyOrder("a-1", "a-2");
    assertThat(storage.read((StoreProvider s) -> s.taskStore().countTasks(TaskQueries.all().build()))).isEqualTo(5);
    assertThat(storage.read((StoreProvider s) -> s.taskStore().taskIds(TaskQueries.byJob(job("b")).build())))
        .containsExactlyInAnyOrder("b-0", "b-1");
    assertThat(storage.read((StoreProvider s) -> s.taskStore().jobKeys())).containsExactlyInAnyOrder(job("a"),
        job("b"));
    assertThat(storage.read((StoreProvider s) -> s.taskStore().countByStatus()))
        .containsEntry(ScheduleStatus.PENDING, 4).containsEntry(ScheduleStatus.ASSIGNED, 1);
  }

  @Test
  public void changeStatus_appendsEventAndSetsCounters() {
    Storage storage = storage();
    write(storage, s -> s.saveTasks(instances(job("a"), 1, "{}")));
    write(storage, s -> s.changeStatus("a-0", new TaskEvent(5000L, ScheduleStatus.FAILED),
        OptionalInt.of(3), OptionalInt.empty()));

    ScheduledTask task = storage.read((StoreProvider s) -> s.taskStore().fetchTask("a-0")).orElseThrow();
    assertThat(task.getStatus()).isEqualTo(ScheduleStatus.FAILED);
    assertThat(task.getFailureCount()).isEqualTo(3);
    assertThat(task.getTimesPartitioned()).isZero();
    assertThat(task.getTaskEvents()).extracting(TaskEvent::getStatus)
        .containsExactly(ScheduleStatus.PENDING, ScheduleStatus.FAILED);
  }

  @Test
  public void assign_setsAgentAndPorts() {
    Storage storage = storage();
    write(storage, s -> s.saveTasks(instances(job("a"), 1, "{}")));
    write(storage, s -> s.assign("a-0", "agent-7", "host-7", Map.of("http", 31337)));

    ScheduledTask task = storage.read((StoreProvider s) -> s.taskStore().fetchTask("a-0")).orElseThrow();
    assertThat(task.getAssignedTask().getSlaveId()).isEqualTo("agent-7");
    assertThat(task.getAssignedTask().getSlaveHost()).isEqualTo("host-7");
    assertThat(task.getAssignedTask().getAssignedPorts()).containsEntry("http", 31337);
  }

  @Test
  public void mutatingUnknownTask_isRejected() {
    Storage storage = storage();
    assertThatThrownBy(() -> write(storage,
        s -> s.changeStatus("nope", new TaskEvent(1L, ScheduleStatus.RUNNING))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> write(storage, s -> s.assign("nope", "a", "h", Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void removeTasks_dropsThemFromEveryIndex() {
    Storage storage = storage();
    write(storage, s -> {
      s.saveTasks(instances(job("a"), 2, "{}"));
      s.assign("a-0", "agent-1", "host-1", Map.of());
    });
    write(storage, s -> s.removeTasks(Set.of("a-0", "unknown")));

    assertThat(ids(fetch(storage, TaskQueries.all().build()))).containsExactly("a-1");
    assertThat(fetch(storage, TaskQueries.bySlaveHosts("host-1").build())).isEmpty();
    assertThat(storage.read((StoreProvider s) -> s.taskStore().countByStatus()))
        .containsEntry(ScheduleStatus.PENDING, 1);
  }

  @Test
  public void saveTasks_replacesByIdAndMovesIndexes() {
    Storage storage = storage();
    write(storage, s -> s.saveTasks(instances(job("a"), 1, "{}")));
    ScheduledTask moved = task("a-0", config(job("z"), "{}"), 4, ScheduleStatus.RUNNING);
    write(storage, s -> s.saveTasks(List.of(moved)));

    assertThat(storage.read((StoreProvider s) -> s.taskStore().fetchTask("a-0"))).contains(moved);
    assertThat(fetch(storage, TaskQueries.byJob(job("a")).build())).isEmpty();
    assertThat(ids(fetch(storage, TaskQueries.byJob(job("z")).build()))).containsExactly("a-0");
  }

  @Test
  public void changesInPlace_moveTheHostAndStatusIndexesOnly() {
    Storage storage = storage();
    write(storage, s -> {
      s.saveTasks(instances(job("a"), 2, "{}"));
      s.assign("a-0", "agent-1", "host-1", Map.of());
      s.changeStatus("a-0", new TaskEvent(2000L, ScheduleStatus.ASSIGNED));
    });
    ScheduledTask stored = storage.read((StoreProvider s) -> s.taskStore().fetchTask("a-0"))
        .orElseThrow();
    ScheduledTask moved = stored.deepCopy().setStatus(ScheduleStatus.RUNNING);
    moved.getAssignedTask().setSlaveHost("host-2");
    write(storage, s -> s.saveTasks(List.of(moved)));
    write(storage, s -> s.changeStatus("a-1", new TaskEvent(3000L, ScheduleStatus.ASSIGNED)));

    assertThat(fetch(storage, TaskQueries.bySlaveHosts("host-1").build())).isEmpty();
    assertThat(ids(fetch(storage, TaskQueries.bySlaveHosts("host-2").build())))
        .containsExactly("a-0");
    assertThat(ids(fetch(storage, TaskQueries.byStatuses(ScheduleStatus.RUNNING).build())))
        .containsExactly("a-0");
    assertThat(ids(fetch(storage, TaskQueries.byStatuses(ScheduleStatus.ASSIGNED).build())))
        .containsExactly("a-1");
    assertThat(fetch(storage, TaskQueries.byStatuses(ScheduleStatus.PENDING).build())).isEmpty();
    assertThat(ids(fetch(storage, TaskQueries.byJob(job("a")).build())))
        .containsExactlyInAnyOrder("a-0", "a-1");
    assertThat(storage.read((StoreProvider s) -> s.taskStore().countByStatus()))
        .containsEntry(ScheduleStatus.RUNNING, 1).containsEntry(ScheduleStatus.ASSIGNED, 1)
        .doesNotContainKey(ScheduleStatus.PENDING);
    // The config's count of tasks is intact: removing both tasks leaves no task and no job.
    write(storage, s -> s.removeTasks(Set.of("a-0", "a-1")));
    assertThat(storage.read((StoreProvider s) -> s.taskStore().jobKeys())).isEmpty();
  }

  @Test
  public void instancesOfAJob_shareOneConfigWithinAResult() {
    Storage storage = storage();
    write(storage, s -> s.saveTasks(instances(job("a"), 3, "{}")));
    List<ScheduledTask> tasks = fetch(storage, TaskQueries.byJob(job("a")).build());
    assertThat(tasks).hasSize(3);
    assertThat(tasks.get(0).getAssignedTask().getTask())
        .isSameAs(tasks.get(1).getAssignedTask().getTask());
  }
}
