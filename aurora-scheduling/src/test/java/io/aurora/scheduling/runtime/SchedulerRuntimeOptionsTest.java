package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.scheduling.maintenance.MaintenanceOptions;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.preemptor.PreemptionOptions;
import java.time.Duration;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.junit.jupiter.api.Test;

class SchedulerRuntimeOptionsTest {
  @Test
  void withers_changeOneSetting_andKeepTheRest() {
    SchedulerRuntimeOptions o = SchedulerRuntimeOptions.DEFAULTS
        .withPreemption(PreemptionOptions.DEFAULTS.withEnabled(false))
        .withSchedulerHost("sched-1")
        .withMaxStatusUpdateBatch(50);
    assertThat(o.preemption().enabled()).isFalse();
    assertThat(o.preemption().delay()).isEqualTo(PreemptionOptions.DEFAULTS.delay());
    assertThat(o.schedulerHost()).isEqualTo("sched-1");
    assertThat(o.maxStatusUpdateBatch()).isEqualTo(50);
    assertThat(o.withSchedulerHost("localhost").withMaxStatusUpdateBatch(1000)
        .withPreemption(PreemptionOptions.DEFAULTS)).isEqualTo(SchedulerRuntimeOptions.DEFAULTS);
  }

  @Test
  void everyWither_keepsTheOtherSettings() {
    MaintenanceOptions polling = new MaintenanceOptions(Duration.ofSeconds(5),
        MaintenanceOptions.DEFAULTS.unavailabilityThreshold(), MaintenanceOptions.DEFAULTS.sla(),
        MaintenanceOptions.DEFAULTS.coordinator());
    SchedulerRuntimeOptions o = SchedulerRuntimeOptions.DEFAULTS.withMaintenance(polling)
        .withPreemption(PreemptionOptions.DEFAULTS.withEnabled(false))
        .withRevocability(SchedulerRuntimeOptions.DEFAULTS.revocability())
        .withCron(SchedulerRuntimeOptions.DEFAULTS.cron())
        .withTimerTick(Duration.ofMillis(100));
    assertThat(o.maintenance()).isEqualTo(polling);
    assertThat(o.preemption().enabled()).isFalse();
    assertThat(o.timerTick()).isEqualTo(Duration.ofMillis(100));
    assertThat(o.withMaintenance(MaintenanceOptions.DEFAULTS).maintenance())
        .isEqualTo(MaintenanceOptions.DEFAULTS);
  }

  @Test
  void withers_validateLikeTheConstructor_namingTheFlag() {
    assertThatThrownBy(() -> SchedulerRuntimeOptions.DEFAULTS.withMaxStatusUpdateBatch(0))
        .hasMessageStartingWith("-max_status_update_batch_size");
    assertThatThrownBy(() -> SchedulerRuntimeOptions.DEFAULTS
        .withMaxStartupScheduleDelay(Duration.ofSeconds(-1)))
        .hasMessageStartingWith("-max_reschedule_task_delay_on_startup");
  }

  @Test
  void frameworkDefaults_areTheFlagsDefaults_andWithersChangeOneSetting() {
    FrameworkOptions f = FrameworkOptions.DEFAULTS.withName("my-scheduler").withRole("team")
        .withCapabilities(Set.of(Capability.Type.PARTITION_AWARE));
    assertThat(FrameworkOptions.DEFAULTS.name()).isEqualTo("Aurora");
    assertThat(f.toFrameworkInfo().getName()).isEqualTo("my-scheduler");
    assertThat(f.toFrameworkInfo().getRole()).isEqualTo("team");
    assertThat(f.user()).isEqualTo("root");
    assertThat(f.failoverTimeout()).isEqualTo(Duration.ofDays(21));
    assertThat(f.withHostname("h").hostname()).contains("h");
  }
}
