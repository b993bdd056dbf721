package io.aurora.scheduling.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.state.RescheduleCalculator;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.testing.FakeClock;
import io.aurora.storage.MutableStoreProvider;
import io.aurora.storage.StoreProvider;
import io.aurora.storage.mem.MemStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One write, then the after-commit actions: never before the write, never for a failed one. */
class StateWriterTest {
  private final AtomicLong uuids = new AtomicLong();
  private final StateManager manager = new StateManager(new FakeClock(),
      new TaskIds(() -> new UUID(0, uuids.incrementAndGet())),
      new RescheduleCalculator(RescheduleOptions.DEFAULTS), "scheduler-host");
  private static final JobKey JOB = JobKeys.from("www", "prod", "web");
  private final MemStorage storage = new MemStorage();
  private final List<StateChanges> acted = new ArrayList<>();
  private final StateWriter writer = new StateWriter(storage, manager, changes -> {
    // Acted on only once the write is visible to readers.
    int stored = storage.read((StoreProvider s) -> s.taskStore().fetchTasks(
        io.aurora.api.TaskQueries.all().build()).size());
    assertThat(stored).isEqualTo(changes.changes().size());
    acted.add(changes);
  });

  private List<String> insert(MutableStoreProvider stores, StateChanges out) {
    return manager.insertPendingTasks(stores, Fixtures.config("www", "web", 0.5, 128, 10),
        Set.of(0, 1), out);
  }

  @Test
  void write_returnsTheResult_andActsOnItsChangesOnce() {
    List<String> ids = writer.write(this::insert);

    assertThat(acted).singleElement().satisfies(changes -> assertThat(changes.changes())
        .containsExactly(
            new StateChanges.Change(ids.get(0), Optional.of(ScheduleStatus.PENDING), JOB, 0),
            new StateChanges.Change(ids.get(1), Optional.of(ScheduleStatus.PENDING), JOB, 1)));
  }

  @Test
  void failedWork_keepsNothing_andActsOnNothing() {
    assertThatThrownBy(() -> writer.write((stores, out) -> {
      insert(stores, out);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(acted).isEmpty();
    assertThat(storage.read((StoreProvider s) -> s.taskStore().fetchTasks(
        io.aurora.api.TaskQueries.all().build()))).isEmpty();
  }
}
