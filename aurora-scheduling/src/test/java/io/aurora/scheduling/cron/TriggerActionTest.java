package io.aurora.scheduling.cron;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.CronCollisionPolicy;
import org.junit.jupiter.api.Test;

class TriggerActionTest {
  @Test
  void withoutActiveTasks_everyPolicyLaunches() {
    for (CronCollisionPolicy policy : CronCollisionPolicy.values()) {
      assertThat(TriggerAction.decide(policy, false)).as("%s", policy)
          .isEqualTo(TriggerAction.LAUNCH);
    }
    assertThat(TriggerAction.decide(null, false)).isEqualTo(TriggerAction.LAUNCH);
  }

  @Test
  void withActiveTasks_thePolicyDecides() {
    assertThat(TriggerAction.decide(CronCollisionPolicy.KILL_EXISTING, true))
        .isEqualTo(TriggerAction.KILL_THEN_LAUNCH);
    assertThat(TriggerAction.decide(CronCollisionPolicy.CANCEL_NEW, true))
        .isEqualTo(TriggerAction.SKIP_CANCEL_NEW);
    assertThat(TriggerAction.decide(CronCollisionPolicy.RUN_OVERLAP, true))
        .isEqualTo(TriggerAction.SKIP_RUN_OVERLAP);
  }

  @Test
  void noPolicy_meansKillExisting_asInAurora() {
    assertThat(TriggerAction.effective(null)).isEqualTo(CronCollisionPolicy.KILL_EXISTING);
    assertThat(TriggerAction.effective(CronCollisionPolicy.CANCEL_NEW))
        .isEqualTo(CronCollisionPolicy.CANCEL_NEW);
    assertThat(TriggerAction.decide(null, true)).isEqualTo(TriggerAction.KILL_THEN_LAUNCH);
  }
}
