package io.aurora.scheduling.updater;

import static io.aurora.scheduling.updater.UpdateScenario.request;
import static io.aurora.scheduling.updater.UpdateScenario.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdatePulseStatus;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.ScheduleStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coordinated updates: they move only while an external service keeps pulsing them. */
class UpdatePulseTest {
  private static final Duration WATCH = Duration.ofSeconds(30);
  private static final Duration WINDOW = Duration.ofMinutes(2);
  private final UpdateScenario s = new UpdateScenario();

  private JobUpdatePulseStatus pulse(JobUpdateKey key) {
    return UpdateScenario.ok(s.api.pulseJobUpdate(key)).getResult().getPulseJobUpdateResult()
        .getStatus();
  }

  @Test
  void waitsForAPulse_movesWhilePulsed_andBlocksWhenPulsesStop() {
    s.createJob(2, "v1");
    JobUpdateKey key = s.start(request("v2", 2,
        settings(1, WATCH).setBlockIfNoPulsesAfterMs((int) WINDOW.toMillis())));
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE);
    assertThat(s.tasks(ScheduleStatus.KILLING)).isEmpty();

    assertThat(pulse(key)).isEqualTo(JobUpdatePulseStatus.OK);
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLLING_FORWARD);
    assertThat(s.tasks(ScheduleStatus.KILLING)).hasSize(1);
    s.confirmKills();
    s.runPending();

    // No pulse for the whole window: the update blocks, with Aurora's message.
    s.h.advance(WINDOW);
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE);
    assertThat(s.details(key).getUpdateEvents().get(2).getMessage())
        .isEqualTo("Pulses from external service have timed out.");
    assertThat(s.tasks(ScheduleStatus.KILLING)).isEmpty();

    for (int i = 0; i < 6 && UpdateScenario.isActive(s.status(key)); i++) {
      pulse(key);
      s.confirmKills();
      s.runPending();
      s.h.advance(WATCH);
    }
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(s.statuses(key)).containsExactly(JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE,
        JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE,
        JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLLED_FORWARD);
    assertThat(pulse(key)).isEqualTo(JobUpdatePulseStatus.FINISHED);
  }

  @Test
  void resumingWithoutARecentPulse_waitsForOne() {
    s.createJob(2, "v1");
    JobUpdateKey key = s.start(request("v2", 2,
        settings(1, WATCH).setBlockIfNoPulsesAfterMs((int) WINDOW.toMillis())));
    pulse(key);
    UpdateScenario.ok(s.api.pauseJobUpdate(key, null));
    s.h.advance(WINDOW);
    UpdateScenario.ok(s.api.resumeJobUpdate(key, null));
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE);
    pulse(key);
    UpdateScenario.ok(s.api.pauseJobUpdate(key, null));
    UpdateScenario.ok(s.api.resumeJobUpdate(key, null));
    assertThat(s.status(key)).isEqualTo(JobUpdateStatus.ROLLING_FORWARD);
    assertThat(s.statuses(key)).containsExactlyElementsOf(List.of(
        JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE, JobUpdateStatus.ROLLING_FORWARD,
        JobUpdateStatus.ROLL_FORWARD_PAUSED, JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE,
        JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLL_FORWARD_PAUSED,
        JobUpdateStatus.ROLLING_FORWARD));
  }
}
