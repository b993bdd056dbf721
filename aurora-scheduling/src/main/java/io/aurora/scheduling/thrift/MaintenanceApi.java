package io.aurora.scheduling.thrift;

import static io.aurora.scheduling.thrift.InvalidRequestException.check;

import io.aurora.gen.DrainHostsResult;
import io.aurora.gen.EndMaintenanceResult;
import io.aurora.gen.HostStatus;
import io.aurora.gen.Hosts;
import io.aurora.gen.MaintenanceStatusResult;
import io.aurora.gen.Response;
import io.aurora.gen.Result;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.StartMaintenanceResult;
import io.aurora.scheduling.maintenance.MaintenanceController;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The host maintenance calls: each answers with the modes of the known hosts among those asked
 * for (unknown hosts are left out, as Aurora does). {@code slaDrainHosts} answers like
 * {@code drainHosts}.
 */
public final class MaintenanceApi {
  private final MaintenanceController maintenance;

  public MaintenanceApi(MaintenanceController maintenance) {
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
  }

  public Response startMaintenance(Hosts hosts) {
    return Responses.ok(Result.startMaintenanceResult(
        new StartMaintenanceResult(statuses(maintenance.startMaintenance(names(hosts))))));
  }

  public Response drainHosts(Hosts hosts) {
    return Responses.ok(Result.drainHostsResult(
        new DrainHostsResult(statuses(maintenance.drain(names(hosts))))));
  }

  public Response maintenanceStatus(Hosts hosts) {
    return Responses.ok(Result.maintenanceStatusResult(
        new MaintenanceStatusResult(statuses(maintenance.status(names(hosts))))));
  }

  public Response endMaintenance(Hosts hosts) {
    return Responses.ok(Result.endMaintenanceResult(
        new EndMaintenanceResult(statuses(maintenance.end(names(hosts))))));
  }

  public Response slaDrainHosts(Hosts hosts, SlaPolicy policy, long timeoutSecs) {
    Set<String> names = names(hosts);
    checkPolicy(policy);
    check(timeoutSecs >= 0, "timeoutSecs must not be negative, got " + timeoutSecs);
    return Responses.ok(Result.drainHostsResult(
        new DrainHostsResult(statuses(maintenance.slaDrain(names, policy, timeoutSecs)))));
  }

  private static Set<String> names(Hosts hosts) {
    check(hosts != null && hosts.isSetHostNames(), "hosts.hostNames is required");
    check(hosts.getHostNames().stream().allMatch(h -> h != null && !h.isBlank()),
        "host names must not be empty");
    return Set.copyOf(hosts.getHostNames());
  }

  static void checkPolicy(SlaPolicy policy) {
    check(policy != null && policy.getSetField() != null,
        "defaultSlaPolicy is required: a count, percentage or coordinator policy");
    if (policy.isSetCountSlaPolicy()) {
      check(policy.getCountSlaPolicy().getCount() >= 0,
          "countSlaPolicy.count must not be negative");
      check(policy.getCountSlaPolicy().getDurationSecs() >= 0,
          "countSlaPolicy.durationSecs must not be negative");
    } else if (policy.isSetPercentageSlaPolicy()) {
      double pct = policy.getPercentageSlaPolicy().getPercentage();
      check(pct >= 0 && pct <= 100, "percentageSlaPolicy.percentage must be within 0..100, got "
          + pct);
      check(policy.getPercentageSlaPolicy().getDurationSecs() >= 0,
          "percentageSlaPolicy.durationSecs must not be negative");
    } else {
      String url = policy.getCoordinatorSlaPolicy().getCoordinatorUrl();
      check(url != null && (url.startsWith("http://") || url.startsWith("https://")),
          "coordinatorSlaPolicy.coordinatorUrl must be an http(s) URL, got " + url);
    }
  }

  private static Set<HostStatus> statuses(List<HostStatus> list) {
    return new HashSet<>(list);
  }
}
