package io.aurora.scheduling.updater;

import static io.aurora.scheduling.updater.UpdateScenario.request;
import static io.aurora.scheduling.updater.UpdateScenario.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.log.InMemoryLog;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.durable.DurableStorage;
import io.aurora.storage.testing.InMemoryDurableStorages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leader change in the middle of an update: a new scheduler on the same durable log (a storage
 * that replays it) carries the update on from where it stood, killing no instance twice and
 * leaving none on the old config.
 */
class UpdateFailoverTest {
  private static final Duration WATCH = Duration.ofSeconds(30);
  private final ScheduledExecutorService storageTimers =
      Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final InMemoryLog log = new InMemoryLog();
  @TempDir Path backups;

  @AfterEach
  void stop() {
    storageTimers.shutdownNow();
    committer.shutdownNow();
  }

  private DurableStorage leadingStorage(String name) throws Exception {
    DurableStorage storage = InMemoryDurableStorages.started(log, backups.resolve(name),
        Clock.systemUTC(), storageTimers, committer);
    storage.lead();
    return storage;
  }

  @Test
  void theNextLeader_finishesTheUpdateExactlyOnce() throws Exception {
    DurableStorage first = leadingStorage("first");
    UpdateScenario a = new UpdateScenario(new SchedulerHarness(first));
    a.createJob(6, "v1");
    JobUpdateKey key = a.start(request("v2", 6, settings(2, WATCH)));
    // Instances 0 and 1 updated; 2 and 3 run v2 but are mid-watch; 4 and 5 not started.
    a.confirmKills();
    a.runPending();
    a.h.advance(WATCH);
    a.confirmKills();
    a.runPending();
    a.h.advance(Duration.ofSeconds(10));
    assertThat(a.instancesWith(key, JobUpdateAction.INSTANCE_UPDATED)).containsExactly(0, 1);
    Map<Integer, String> midWatch = taskIds(a, Set.of(2, 3));
    first.close();

    DurableStorage second = leadingStorage("second");
    SchedulerHarness next = new SchedulerHarness(second);
    next.clock.advance(Duration.between(next.clock.instant(), a.h.clock.instant()));
    UpdateScenario b = new UpdateScenario(next);
    assertThat(b.status(key)).isEqualTo(JobUpdateStatus.ROLLING_FORWARD);
    // Recovered: 2 and 3 are watched out, not killed again.
    assertThat(b.tasks(ScheduleStatus.KILLING)).isEmpty();
    b.h.advance(Duration.ofSeconds(20));
    assertThat(b.instancesWith(key, JobUpdateAction.INSTANCE_UPDATED)).containsExactly(0, 1, 2, 3);
    assertThat(taskIds(b, Set.of(2, 3))).isEqualTo(midWatch);

    assertThat(b.drive(key, WATCH, 10)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(b.versions().values()).hasSize(6).containsOnly("v2:RUNNING");
    // Every old task was killed once, by the update; no new task was killed at all.
    List<ScheduledTask> killed = b.killedBy(key);
    assertThat(killed).hasSize(6).allMatch(t -> UpdateScenario.version(t).equals("v1"));
    assertThat(killed.stream().map(t -> t.getAssignedTask().getInstanceId())
        .collect(Collectors.toSet())).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    assertThat(a.killsSent().values()).containsOnly(1);
    assertThat(b.killsSent().values()).containsOnly(1);
    assertThat(b.killsSent().keySet()).doesNotContainAnyElementsOf(a.killsSent().keySet());
    assertThat(b.instancesWith(key, JobUpdateAction.INSTANCE_UPDATING))
        .containsExactly(0, 1, 2, 3, 4, 5);
    second.close();
  }

  @Test
  void aKillSentByTheOldLeader_isWaitedFor_notRepeated() throws Exception {
    DurableStorage first = leadingStorage("first");
    UpdateScenario a = new UpdateScenario(new SchedulerHarness(first));
    a.createJob(2, "v1");
    JobUpdateKey key = a.start(request("v2", 2, settings(2, WATCH)));
    assertThat(a.tasks(ScheduleStatus.KILLING)).hasSize(2);
    first.close();

    DurableStorage second = leadingStorage("second");
    SchedulerHarness next = new SchedulerHarness(second);
    next.clock.advance(Duration.between(next.clock.instant(), a.h.clock.instant()));
    UpdateScenario b = new UpdateScenario(next);
    assertThat(b.killsSent()).isEmpty();
    assertThat(b.drive(key, WATCH, 10)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(b.killedBy(key)).hasSize(2);
    assertThat(b.versions().values()).containsOnly("v2:RUNNING");
    second.close();
  }

  private static Map<Integer, String> taskIds(UpdateScenario s, Set<Integer> instances) {
    Map<Integer, String> out = new TreeMap<>();
    for (ScheduledTask t : s.tasks(ScheduleStatus.RUNNING)) {
      if (instances.contains(t.getAssignedTask().getInstanceId())) {
        out.put(t.getAssignedTask().getInstanceId(), t.getAssignedTask().getTaskId());
      }
    }
    return out;
  }
}
