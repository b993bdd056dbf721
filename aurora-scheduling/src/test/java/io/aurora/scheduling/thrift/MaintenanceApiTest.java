package io.aurora.scheduling.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.CoordinatorSlaPolicy;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.HostStatus;
import io.aurora.gen.Hosts;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.PercentageSlaPolicy;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.SlaPolicy;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.maintenance.MaintenanceController;
import io.aurora.scheduling.maintenance.MaintenanceOptions;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.slacoord.CoordinatorOptions;
import io.aurora.scheduling.slacoord.SlaCoordinator;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The maintenance calls through the Thrift facade: result kinds, unknown hosts, refusals. */
class MaintenanceApiTest {
  private final SchedulerHarness h = new SchedulerHarness();
  private final AuroraAdminService api;

  MaintenanceApiTest() {
    ApiOptions options = ApiOptions.defaults("test");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CronTriggers cron = h.cronOn(h.writer, CronOptions.DEFAULTS, registry);
    MaintenanceController maintenance = new MaintenanceController(h.writer, h.clock, h.timers,
        MaintenanceOptions.DEFAULTS,
        new SlaCoordinator(() -> null, CoordinatorOptions.DEFAULTS, registry, Runnable::run),
        registry);
    api = new AuroraAdminService(options,
        new ReadApi(h.storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(h.storage), new JobsApi(h.writer, options),
        new CronApi(h.writer, options, cron), new UpdatesApi(h.updates, options),
        new QuotaApi(h.writer),
        new AdminApi(h.writer, new TaskReconciler(h.storage, h.driver, h.clock, h.timers,
            ReconcileOptions.DEFAULTS), Optional.empty(), 1000),
        registry, new MaintenanceApi(maintenance));
  }

  private static Hosts hosts(String... names) {
    return new Hosts(Set.of(names));
  }

  private static void assertOk(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
  }

  private static String invalid(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails())
        .isEqualTo(ResponseCode.INVALID_REQUEST);
    return r.getDetails().get(0).getMessage();
  }

  @Test
  void eachCall_answersWithItsResult_forKnownHostsOnly() {
    h.offer("a1", 1, 64);
    Response start = api.startMaintenance(hosts("a1.example", "ghost"));
    assertOk(start);
    assertThat(start.getResult().getStartMaintenanceResult().getStatuses())
        .containsExactly(new HostStatus("a1.example", MaintenanceMode.SCHEDULED));
    Response status = api.maintenanceStatus(hosts("a1.example", "ghost"));
    assertThat(status.getResult().getMaintenanceStatusResult().getStatuses())
        .containsExactly(new HostStatus("a1.example", MaintenanceMode.SCHEDULED));
    Response drain = api.slaDrainHosts(hosts("a1.example"),
        SlaPolicy.countSlaPolicy(new CountSlaPolicy(1, 60)), 60);
    assertThat(drain.getResult().getDrainHostsResult().getStatuses())
        .containsExactly(new HostStatus("a1.example", MaintenanceMode.DRAINED));
    assertThat(api.drainHosts(hosts("a1.example")).getResult().getDrainHostsResult()
        .getStatuses()).containsExactly(new HostStatus("a1.example", MaintenanceMode.DRAINED));
    Response end = api.endMaintenance(hosts("a1.example", "ghost"));
    assertThat(end.getResult().getEndMaintenanceResult().getStatuses())
        .containsExactly(new HostStatus("a1.example", MaintenanceMode.NONE));
    assertThat(end.getServerInfo().getClusterName()).isEqualTo("test");
  }

  @Test
  void badRequests_areInvalid() {
    assertThat(invalid(api.drainHosts(null))).contains("hosts.hostNames is required");
    assertThat(invalid(api.drainHosts(hosts("")))).contains("must not be empty");
    assertThat(invalid(api.slaDrainHosts(hosts("h"), null, 60))).contains("defaultSlaPolicy");
    assertThat(invalid(api.slaDrainHosts(hosts("h"), new SlaPolicy(), 60)))
        .contains("defaultSlaPolicy");
    assertThat(invalid(api.slaDrainHosts(hosts("h"),
        SlaPolicy.percentageSlaPolicy(new PercentageSlaPolicy(120, 0)), 60)))
        .contains("within 0..100");
    assertThat(invalid(api.slaDrainHosts(hosts("h"),
        SlaPolicy.countSlaPolicy(new CountSlaPolicy(-1, 0)), 60))).contains("count");
    assertThat(invalid(api.slaDrainHosts(hosts("h"),
        SlaPolicy.coordinatorSlaPolicy(new CoordinatorSlaPolicy("ftp://x", "drain")), 60)))
        .contains("http(s) URL");
    assertThat(invalid(api.slaDrainHosts(hosts("h"),
        SlaPolicy.countSlaPolicy(new CountSlaPolicy(1, 0)), -1))).contains("timeoutSecs");
  }
}
