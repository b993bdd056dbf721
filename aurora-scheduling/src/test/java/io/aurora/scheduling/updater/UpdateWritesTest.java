package io.aurora.scheduling.updater;

import static io.aurora.scheduling.updater.UpdateScenario.request;
import static io.aurora.scheduling.updater.UpdateScenario.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.testing.CountingStorage;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.mem.MemStorage;
import java.time.Duration;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;

/**
 * The updater's edge over Aurora: one storage write per evaluation pass, whatever the number of
 * instances it acts on, and none for a pass that decides nothing.
 */
class UpdateWritesTest {
  private static final int N = 40;
  private final CountingStorage storage = new CountingStorage(new MemStorage());
  private final UpdateScenario s = new UpdateScenario(new SchedulerHarness(storage));

  @Test
  void eachBatchOfStatusUpdates_costsTheUpdaterOneWrite() {
    s.createJob(N, "v1");
    long before = storage.writes();
    JobUpdateKey key = s.start(request("v2", N, settings(N, Duration.ZERO)));
    // The start, then one pass that kills all N old tasks.
    assertThat(storage.writes() - before).isEqualTo(2);
    assertThat(s.tasks(ScheduleStatus.KILLING)).hasSize(N);

    before = storage.writes();
    s.confirmKills();
    // The status batch, then one pass that adds N new tasks; the pass their PENDING states
    // cause decides nothing and writes nothing.
    assertThat(storage.writes() - before).isEqualTo(2);
    assertThat(s.tasks(ScheduleStatus.PENDING)).hasSize(N);

    long passes = s.h.updates.passWrites();
    s.place();
    // The offer and the scheduling round write; the pass the ASSIGNED tasks cause only waits.
    assertThat(s.h.updates.passWrites()).isEqualTo(passes);

    before = storage.writes();
    s.report(ScheduleStatus.ASSIGNED, t -> true, TaskState.TASK_RUNNING);
    // The status batch, then one pass recording N instance updates and the end of the update.
    assertThat(storage.writes() - before).isEqualTo(2);
    assertThat(s.h.updates.passWrites() - passes).isEqualTo(1);
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(s.instanceEvents(key)).hasSize(2 * N);
  }
}
