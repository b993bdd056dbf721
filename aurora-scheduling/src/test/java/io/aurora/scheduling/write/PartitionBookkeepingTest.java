package io.aurora.scheduling.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import io.aurora.log.InMemoryLog;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.state.RescheduleCalculator;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.testing.FakeClock;
import io.aurora.storage.Storage;
import io.aurora.storage.durable.DurableStorage;
import io.aurora.storage.testing.InMemoryDurableStorages;
import io.aurora.storage.mem.MemStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entering PARTITIONED through the {@link StateManager} on real storage: {@code timesPartitioned}
 * counts every partition, partition cycles keep the event list bounded, and both survive recovery
 * of a durable storage from its log (with and without a snapshot).
 */
class PartitionBookkeepingTest {
  private final FakeClock clock = new FakeClock();
  private final long start = clock.millis();
  private final AtomicLong uuids = new AtomicLong();
  private final StateManager manager = new StateManager(clock,
      new TaskIds(() -> new UUID(0, uuids.incrementAndGet())),
      new RescheduleCalculator(RescheduleOptions.DEFAULTS), "scheduler-host");
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  @TempDir Path backups;

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    committer.shutdownNow();
  }

  @Test
  void eachPartition_countsOnce_andCyclesKeepTheHistoryBounded() {
    Storage storage = new MemStorage();
    String id = runningTask(storage);
    for (int cycle = 1; cycle <= 50; cycle++) {
      change(storage, id, ScheduleStatus.PARTITIONED);
      ScheduledTask task = task(storage, id);
      assertThat(task.getTimesPartitioned()).isEqualTo(cycle);
      assertThat(task.getStatus()).isEqualTo(ScheduleStatus.PARTITIONED);
      assertThat(task.getTaskEvents()).hasSizeLessThanOrEqualTo(5);
      change(storage, id, ScheduleStatus.RUNNING);
    }
    change(storage, id, ScheduleStatus.PARTITIONED);
    ScheduledTask task = task(storage, id);
    assertThat(task.getTimesPartitioned()).isEqualTo(51);
    assertThat(statuses(task)).containsExactly(ScheduleStatus.PENDING, ScheduleStatus.ASSIGNED, ScheduleStatus.RUNNING, ScheduleStatus.PARTITIONED);
    // The first RUNNING (t = 11 s) and the last PARTITIONED (now) are the ones kept.
    List<TaskEvent> events = task.getTaskEvents();
    assertThat(events.get(2).getTimestamp()).isEqualTo(start + 11_000);
    assertThat(events.get(3).getTimestamp()).isEqualTo(clock.millis());
    assertThat(task.getAssignedTask().getSlaveId()).isEqualTo("agent-1");
  }

  @Test
  void partitionedThenLost_isRescheduledWithAFreshPartitionCount() {
    Storage storage = new MemStorage();
    String id = runningTask(storage);
    change(storage, id, ScheduleStatus.PARTITIONED);
    StateChanges out = change(storage, id, ScheduleStatus.LOST);
    assertThat(out.kills()).extracting(StateChanges.Kill::taskId).containsExactly(id);
    ScheduledTask lost = task(storage, id);
    assertThat(lost.getTimesPartitioned()).isEqualTo(1);
    ScheduledTask replacement = storage.read(s -> s.taskStore().fetchTasks(
        io.aurora.api.TaskQueries.byStatuses(ScheduleStatus.PENDING,
            ScheduleStatus.THROTTLED).build())).get(0);
    assertThat(replacement.getAncestorId()).isEqualTo(id);
    assertThat(replacement.getTimesPartitioned()).isZero();
  }

  @Test
  void timesPartitionedAndCompactedHistory_surviveRecoveryFromTheLog() throws Exception {
    InMemoryLog log = new InMemoryLog();
    DurableStorage leader = durable(log);
    leader.lead();
    String id = runningTask(leader);
    change(leader, id, ScheduleStatus.PARTITIONED);
    change(leader, id, ScheduleStatus.RUNNING);
    leader.snapshot();
    // After the snapshot: one plain append and one collapsed cycle, replayed from the log.
    change(leader, id, ScheduleStatus.PARTITIONED);
    change(leader, id, ScheduleStatus.RUNNING);
    change(leader, id, ScheduleStatus.PARTITIONED);
    ScheduledTask before = task(leader, id);
    assertThat(before.getTimesPartitioned()).isEqualTo(3);

    DurableStorage recovered = durable(log);
    ScheduledTask after = task(recovered, id);
    assertThat(after).isEqualTo(before);
    assertThat(after.getTimesPartitioned()).isEqualTo(3);
    assertThat(statuses(after)).endsWith(ScheduleStatus.RUNNING, ScheduleStatus.PARTITIONED)
        .hasSize(4);
    recovered.close();
    leader.close();
  }

  /** A RUNNING task on agent-1: PENDING at start, ASSIGNED at +1 s, RUNNING at +11 s. */
  private String runningTask(Storage storage) {
    String id = storage.write(s -> manager.insertPendingTasks(s,
        Fixtures.config("www", "web", 0.5, 128, 10), Set.of(0), new StateChanges())).get(0);
    clock.advance(Duration.ofSeconds(1));
    storage.write(s -> manager.assignTask(s, id, "agent-1", "agent-1.example", Map.of(),
        new StateChanges()));
    change(storage, id, ScheduleStatus.RUNNING);
    return id;
  }

  private StateChanges change(Storage storage, String id, ScheduleStatus to) {
    clock.advance(Duration.ofSeconds(10));
    StateChanges out = new StateChanges();
    storage.write(s -> manager.reportedState(s, id, to, Optional.empty(), Optional.empty(), out));
    return out;
  }

  private static ScheduledTask task(Storage storage, String id) {
    return storage.read(s -> s.taskStore().fetchTask(id)).orElseThrow();
  }

  private static List<ScheduleStatus> statuses(ScheduledTask task) {
    return task.getTaskEvents().stream().map(TaskEvent::getStatus).toList();
  }

  private DurableStorage durable(InMemoryLog log) throws Exception {
    return InMemoryDurableStorages.started(log, backups.resolve("b"), clock, scheduler,
        committer);
  }
}
