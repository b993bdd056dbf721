package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.TaskQueries;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.log.InMemoryLog;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.durable.DurableStorage;
import io.aurora.storage.testing.InMemoryDurableStorages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduling runtime on the durable storage over an in-memory log: assignments and status
 * batches are durable writes, and a storage recovered from the same log holds the same tasks.
 */
class DurableSchedulingTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  @TempDir Path backups;

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    committer.shutdownNow();
  }

  private DurableStorage storage(InMemoryLog log) throws Exception {
    return InMemoryDurableStorages.started(log, backups.resolve("b"), Clock.systemUTC(),
        scheduler, committer);
  }

  @Test
  void tasksRunKilledAndRescheduled_surviveRecovery() throws Exception {
    InMemoryLog log = new InMemoryLog();
    DurableStorage leader = storage(log);
    leader.lead();
    SchedulerHarness h = new SchedulerHarness(leader);
    TaskConfig config = Fixtures.config("www", "web", 0.5, 128, 10, "http");
    List<String> ids = h.insertPending(config, Set.of(0, 1, 2));
    h.offer("agent-1", 8, 8192);
    assertThat(h.loop.runOnce()).isEqualTo(3);
    ids.forEach(id -> h.update(id, TaskState.TASK_RUNNING));
    h.advance(Duration.ofMinutes(10));
    h.update(ids.get(0), TaskState.TASK_FAILED);
    assertThat(h.driver.calls(Call.Type.ACKNOWLEDGE)).hasSize(4);
    List<ScheduledTask> before = h.tasks();
    assertThat(before).hasSize(4);

    DurableStorage recovered = storage(log);
    List<ScheduledTask> after = recovered.read(s -> s.taskStore().fetchTasks(TaskQueries.all().build()));
    assertThat(after).containsExactlyInAnyOrderElementsOf(before);
    assertThat(after).filteredOn(t -> t.getStatus() == ScheduleStatus.RUNNING).hasSize(2);
    assertThat(after).filteredOn(t -> t.getStatus() == ScheduleStatus.PENDING).singleElement()
        .satisfies(t -> assertThat(t.getAncestorId()).isEqualTo(ids.get(0)));
    recovered.close();
    leader.close();
  }
}
