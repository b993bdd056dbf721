package io.aurora.scheduling.updater;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.SlaPolicy;
import io.aurora.scheduling.sla.SlaRules;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.mem.MemStorage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SLA-aware updates: a kill goes only when the new config's SLA policy allows it, so a group of
 * two still takes one instance down at a time when the policy says so; denied kills are retried.
 */
class SlaAwareUpdateTest {
  private final UpdateScenario s = new UpdateScenario(
      new SchedulerHarness(new MemStorage(), UpdateOptions.DEFAULTS, new SlaRules(0, true)));

  private static JobUpdateRequest slaAware(String version, long count, long durationSecs) {
    JobUpdateRequest r = UpdateScenario.request(version, 4, UpdateScenario.settings(2,
        Duration.ZERO).setSlaAware(true));
    r.getTaskConfig().setSlaPolicy(SlaPolicy.countSlaPolicy(
        new CountSlaPolicy(count, durationSecs)));
    return r;
  }

  @Test
  void groupOfTwo_killsOneAtATime_whenThePolicyAllowsOneDown() {
    s.createJob(4, "v1");
    JobUpdateKey key = s.start(slaAware("v2", 3, 60));
    // Instance 0 may go (3 others up for 5 minutes); instance 1 may not (only 2 others then).
    assertThat(s.tasks(ScheduleStatus.KILLING)).singleElement()
        .satisfies(t -> assertThat(t.getAssignedTask().getInstanceId()).isZero());
    s.confirmKills();
    s.runPending();
    s.h.advance(Duration.ofSeconds(30));
    // The replacement has run 30 s of the 60 the policy asks: still one instance short.
    assertThat(s.tasks(ScheduleStatus.KILLING)).isEmpty();
    s.h.advance(Duration.ofSeconds(30));
    assertThat(s.tasks(ScheduleStatus.KILLING)).singleElement()
        .satisfies(t -> assertThat(t.getAssignedTask().getInstanceId()).isEqualTo(1));
    int mostDown = 1;
    for (int i = 0; i < 40 && UpdateScenario.isActive(s.status(key)); i++) {
      mostDown = Math.max(mostDown, 4 - s.tasks(ScheduleStatus.RUNNING).size());
      s.confirmKills();
      s.runPending();
      s.h.advance(Duration.ofSeconds(30));
    }
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(mostDown).isEqualTo(1);
    assertThat(s.versions().values()).containsOnly("v2:RUNNING").hasSize(4);
  }

  @Test
  void withoutSlaAware_theGroupGoesTogether() {
    s.createJob(4, "v1");
    JobUpdateRequest r = slaAware("v2", 3, 60);
    r.getSettings().setSlaAware(false);
    s.start(r);
    assertThat(s.tasks(ScheduleStatus.KILLING)).hasSize(2);
  }
}
