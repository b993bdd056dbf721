package io.aurora.scheduling.filter;

import static io.aurora.scheduling.filter.Fixtures.config;
import static io.aurora.scheduling.filter.Fixtures.offer;
import static io.aurora.scheduling.filter.Fixtures.withLimit;
import static io.aurora.scheduling.filter.Fixtures.withValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.resources.ExecutorSettings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterChainTest {
  private final FilterChain chain = FilterChain.standard();
  private final PlacementContext context = PlacementContext.empty();

  private Optional<String> reason(TaskConfig config, HostOffer host) {
    return chain.check(TaskRequest.of(config, ExecutorSettings.DEFAULTS), host, context)
        .map(Veto::reason);
  }

  private static HostOffer host(Map<String, Set<String>> attrs, MaintenanceMode mode) {
    return offer("h", attrs, mode, 4, 4096, 10_000, 31000, 31009);
  }

  @Test
  void fittingTask_onPlainHost_passes() {
    assertThat(reason(config("r", "j", 1, 512, 100, "http"), host(Map.of(), MaintenanceMode.NONE)))
        .isEmpty();
  }

  @Test
  void dedicatedHost_rejectsTasksWithoutDedicatedConstraint() {
    Map<String, Set<String>> dedicated = Map.of("dedicated", Set.of("r/db"));
    assertThat(reason(config("r", "j", 1, 512, 100), host(dedicated, MaintenanceMode.NONE)))
        .hasValue("Host is dedicated");
    TaskConfig wants = withValue(config("r", "j", 1, 512, 100), "dedicated", false, "r/db");
    assertThat(reason(wants, host(dedicated, MaintenanceMode.NONE))).isEmpty();
    TaskConfig wantsOther = withValue(config("r", "j", 1, 512, 100), "dedicated", false, "r/x");
    assertThat(reason(wantsOther, host(dedicated, MaintenanceMode.NONE)))
        .hasValue("Constraint not satisfied: dedicated");
  }

  @Test
  void drainingAndDrainedHosts_veto_scheduledDoesNot() {
    TaskConfig c = config("r", "j", 1, 512, 100);
    assertThat(reason(c, host(Map.of(), MaintenanceMode.DRAINING)))
        .hasValue("Host draining for maintenance");
    assertThat(reason(c, host(Map.of(), MaintenanceMode.DRAINED)))
        .hasValue("Host drained for maintenance");
    assertThat(reason(c, host(Map.of(), MaintenanceMode.SCHEDULED))).isEmpty();
  }

  @Test
  void mesosMaintenance_vetoesWithinTheThreshold() {
    TaskConfig c = config("r", "j", 1, 512, 100);
    long now = 1_000_000_000L;
    PlacementContext at = new PlacementContext(job -> new JobAttributeCounts(), now);
    TaskRequest req = TaskRequest.of(c, ExecutorSettings.DEFAULTS);
    HostOffer soon = host(Map.of(), MaintenanceMode.NONE).withUnavailability(now + 5 * 60_000);
    HostOffer later = host(Map.of(), MaintenanceMode.NONE).withUnavailability(now + 7 * 60_000);
    assertThat(chain.check(req, soon, at)).map(Veto::reason).hasValue("Host draining for maintenance");
    assertThat(chain.check(req, later, at)).isEmpty();
  }

  @Test
  void valueConstraint_plainAndNegated() {
    HostOffer rackA = host(Map.of("rack", Set.of("a")), MaintenanceMode.NONE);
    assertThat(reason(withValue(config("r", "j", 1, 1, 1), "rack", false, "a", "b"), rackA)).isEmpty();
    assertThat(reason(withValue(config("r", "j", 1, 1, 1), "rack", false, "b"), rackA))
        .hasValue("Constraint not satisfied: rack");
    assertThat(reason(withValue(config("r", "j", 1, 1, 1), "rack", true, "a"), rackA))
        .hasValue("Constraint not satisfied: rack");
    assertThat(reason(withValue(config("r", "j", 1, 1, 1), "zone", true, "z"), rackA)).isEmpty();
  }

  @Test
  void limitConstraint_countsTheJobsTasksPerValue() {
    TaskConfig c = withLimit(config("r", "j", 1, 1, 1), "host", 1);
    HostOffer h = host(Map.of("host", Set.of("h")), MaintenanceMode.NONE);
    assertThat(reason(c, h)).isEmpty();
    context.placed(c.getJob(), h);
    assertThat(reason(c, h)).hasValue("Limit not satisfied: host");
    assertThat(reason(c, host(Map.of(), MaintenanceMode.NONE)))
        .hasValue("Constraint not satisfied: host");
  }

  @Test
  void resources_includeExecutorOverhead_andNameTheShortResource() {
    // 3.8 cpus + 0.25 overhead > 4.
    assertThat(reason(config("r", "j", 3.8, 512, 100), host(Map.of(), MaintenanceMode.NONE)))
        .hasValue("Insufficient: cpus");
    // 4000 + 128 MB overhead > 4096.
    assertThat(reason(config("r", "j", 1, 4000, 100), host(Map.of(), MaintenanceMode.NONE)))
        .hasValue("Insufficient: ram");
    assertThat(reason(config("r", "j", 1, 1, 20_000), host(Map.of(), MaintenanceMode.NONE)))
        .hasValue("Insufficient: disk");
    String[] elevenPorts = {"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "pa"};
    assertThat(reason(config("r", "j", 1, 1, 1, elevenPorts), host(Map.of(), MaintenanceMode.NONE)))
        .hasValue("Insufficient: ports");
  }

  @Test
  void mostSevereVetoWins() {
    HostOffer bad = offer("h", Map.of("dedicated", Set.of("x/y")), MaintenanceMode.DRAINED,
        0.1, 1, 1, 0, -1);
    assertThat(reason(config("r", "j", 1, 512, 100), bad)).hasValue("Host is dedicated");
  }

  @Test
  void customCheck_isAppendedToTheChain() {
    FeasibilityCheck noOddHosts = new FeasibilityCheck() {
      @Override
      public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext ctx) {
        return host.hostname().equals("odd") ? Optional.of(Veto.custom("odd host", 5)) : Optional.empty();
      }

      @Override
      public boolean isStatic() {
        return true;
      }
    };
    FilterChain custom = FilterChain.standard(noOddHosts);
    TaskRequest req = TaskRequest.of(config("r", "j", 1, 1, 1), ExecutorSettings.DEFAULTS);
    HostOffer odd = offer("odd", Map.of(), MaintenanceMode.NONE, 4, 4096, 1000, 0, -1);
    assertThat(custom.check(req, odd, context)).map(Veto::reason).hasValue("odd host");
  }
}
