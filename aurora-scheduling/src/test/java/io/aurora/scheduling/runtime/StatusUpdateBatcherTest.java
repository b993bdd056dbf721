package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.state.MesosStatuses;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.Storage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TaskStatus.Reason;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several status batches in flight at once, with each task's updates still in order. */
class StatusUpdateBatcherTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(5);
  private final SchedulerHarness h = new SchedulerHarness();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private final CountDownLatch firstWriteEntered = new CountDownLatch(1);
  private final CountDownLatch releaseFirstWrite = new CountDownLatch(1);
  private final AtomicInteger writes = new AtomicInteger();

  /** The harness' storage, except that the first write waits (as if its commit were slow). */
  private final Storage slowFirstWrite = new Storage() {
    @Override
    public <T, E extends Exception> T read(Work<T, E> work) throws E {
      return h.storage.read(work);
    }

    @Override
    public <T, E extends Exception> T write(MutateWork<T, E> work) throws E {
      T result = h.storage.write(work);
      if (writes.incrementAndGet() == 1) {
        firstWriteEntered.countDown();
        try {
          releaseFirstWrite.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return result;
    }
  };

  @AfterEach
  void stop() {
    releaseFirstWrite.countDown();
    threads.shutdownNow();
  }

  private static TaskStatus status(String taskId, TaskState state) {
    return SchedulerHarness.status(taskId, "agent-1", state, taskId + state);
  }

  private List<String> acks() {
    return h.driver.calls(Call.Type.ACKNOWLEDGE).stream()
        .map(c -> c.getAcknowledge().getTaskId().getValue() + " " + c.getAcknowledge().getUuid()
            .toStringUtf8().substring(c.getAcknowledge().getTaskId().getValue().length()))
        .toList();
  }

  @Test
  void aSlowBatch_doesNotHoldUpOtherTasks_butHoldsBackItsOwnTasksLaterUpdates()
      throws Exception {
    List<String> ids = h.insertPending(Fixtures.config("www", "web", 0.5, 128, 10, "http"),
        Set.of(0, 1));
    h.offer("agent-1", 8, 8192);
    assertThat(h.loop.runOnce()).isEqualTo(2);
    String slow = ids.get(0);
    String other = ids.get(1);
    StatusUpdateBatcher batcher = new StatusUpdateBatcher(h.writerOn(slowFirstWrite), h.driver,
        threads, 10, 2, new StatusUpdateCounters(new SimpleMeterRegistry()));

    batcher.add(status(slow, TaskState.TASK_STARTING));
    assertThat(firstWriteEntered.await(10, TimeUnit.SECONDS)).isTrue();
    batcher.add(status(slow, TaskState.TASK_RUNNING));
    batcher.add(status(other, TaskState.TASK_STARTING));

    // The second batch runs while the first waits, and leaves the slow task's update alone.
    await("the other task's update acknowledged").atMost(WAIT).pollInterval(POLL)
        .until(() -> acks().contains(other + " TASK_STARTING"));
    assertThat(acks()).containsExactly(other + " TASK_STARTING");
    assertThat(h.task(slow).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.STARTING);

    releaseFirstWrite.countDown();
    await("three acknowledgements").atMost(WAIT).pollInterval(POLL)
        .until(() -> acks().size() == 3);
    assertThat(acks()).containsSubsequence(slow + " TASK_STARTING", slow + " TASK_RUNNING");
    assertThat(h.task(slow).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.RUNNING);
    assertThat(h.task(other).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.STARTING);
  }

  @Test
  void updatesWhilePaused_waitInTheQueue_untilResumed() {
    StatusUpdateBatcher batcher = new StatusUpdateBatcher(h.writer, h.driver, Runnable::run, 10,
        2, new StatusUpdateCounters(new SimpleMeterRegistry()));
    batcher.pause();
    batcher.add(status("unknown-task", TaskState.TASK_RUNNING));
    assertThat(acks()).isEmpty();

    batcher.resume();
    assertThat(acks()).containsExactly("unknown-task TASK_RUNNING");
  }

  @Test
  void aContainerKilledForItsMemory_getsTheFriendlyEventMessage() {
    String id = h.insertPending(Fixtures.config("www", "oom", 0.5, 128, 10, "http"), Set.of(0))
        .get(0);
    h.offer("agent-1", 8, 8192);
    assertThat(h.loop.runOnce()).isEqualTo(1);
    StatusUpdateBatcher batcher = new StatusUpdateBatcher(h.writer, h.driver, Runnable::run, 10,
        2, new StatusUpdateCounters(new SimpleMeterRegistry()));

    batcher.add(status(id, TaskState.TASK_FAILED).toBuilder()
        .setReason(Reason.REASON_CONTAINER_LIMITATION_MEMORY).setMessage("cgroup oom").build());

    var events = h.task(id).orElseThrow().getTaskEvents();
    assertThat(events.get(events.size() - 1).getStatus()).isEqualTo(ScheduleStatus.FAILED);
    assertThat(events.get(events.size() - 1).getMessage())
        .isEqualTo(MesosStatuses.MEMORY_LIMIT_MESSAGE);
  }
}
