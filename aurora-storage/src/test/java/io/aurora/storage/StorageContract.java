package io.aurora.storage;

import static io.aurora.storage.StoreFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.api.TaskQueries;
import io.aurora.gen.ScheduledTask;
import org.junit.jupiter.api.Test;

/** Transaction behaviour every {@link Storage} has. Subclasses supply a ready storage. */
public abstract class StorageContract {

  protected abstract Storage storage();

  @Test
  public void write_thatThrows_keepsNothing() {
    Storage storage = storage();
    assertThatThrownBy(() -> storage.write(stores -> {
      stores.taskStore().saveTasks(StoreFixtures.instances(job("a"), 2, "{}"));
      stores.schedulerStore().saveFrameworkId("fw");
      throw new IllegalStateException("abort");
    })).isInstanceOf(IllegalStateException.class).hasMessage("abort");

    assertThat(storage.read((StoreProvider s) -> s.taskStore().countTasks(TaskQueries.all().build()))).isZero();
    assertThat(storage.read((StoreProvider s) -> s.schedulerStore().fetchFrameworkId())).isEmpty();
  }

  @Test
  public void write_seesItsOwnChanges_andNestedWritesJoin() {
    Storage storage = storage();
    int seen = storage.write(stores -> {
      stores.taskStore().saveTasks(StoreFixtures.instances(job("a"), 3, "{}"));
      storage.write(inner -> {
        inner.schedulerStore().saveFrameworkId("fw");
        return null;
      });
      assertThat(storage.read((StoreProvider r) -> r.schedulerStore().fetchFrameworkId())).contains("fw");
      return stores.taskStore().countTasks(TaskQueries.byJob(job("a")).build());
    });
    assertThat(seen).isEqualTo(3);
    assertThat(storage.read((StoreProvider s) -> s.schedulerStore().fetchFrameworkId())).contains("fw");
  }

  @Test
  public void returnedStructs_areCopies() {
    Storage storage = storage();
    storage.write(stores -> {
      stores.taskStore().saveTasks(StoreFixtures.instances(job("a"), 1, "{}"));
      return null;
    });
    ScheduledTask fetched = storage.read((StoreProvider s) -> s.taskStore().fetchTask("a-0")).orElseThrow();
    fetched.getAssignedTask().getTask().setPriority(99);
    fetched.getAssignedTask().setSlaveHost("mutated");

    ScheduledTask again = storage.read((StoreProvider s) -> s.taskStore().fetchTask("a-0")).orElseThrow();
    assertThat(again.getAssignedTask().getTask().getPriority()).isZero();
    assertThat(again.getAssignedTask().getSlaveHost()).isNull();
  }
}
