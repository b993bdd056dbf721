package io.aurora.server.flags;

import io.aurora.scheduling.maintenance.MaintenanceOptions;
import io.aurora.scheduling.sla.SlaRules;
import io.aurora.scheduling.slacoord.CoordinatorOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Host maintenance and SLA-aware drains: the drain pass, SLA relaxations, coordinators. */
public final class MaintenanceFlags implements FlagGroup {
  @Option(names = "-host_maintenance_polling_interval", defaultValue = "1mins",
      description = "How often the leader looks at the tasks of DRAINING hosts and drains those "
          + "their SLA allows (a pass also follows soon after a task of such a host's job "
          + "starts running or ends).")
  private Duration hostMaintenancePollingInterval;

  @Option(names = "-min_required_instances_for_sla_check", defaultValue = "20",
      description = "Jobs with fewer active instances than this are not SLA checked: a drain "
          + "takes their tasks down at once.")
  private int minRequiredInstancesForSlaCheck;

  @Option(names = "-sla_aware_kill_non_prod", arity = "0..1", defaultValue = "false",
      description = "Check the SLA of non-production tasks too; otherwise a drain takes them "
          + "down at once.")
  private boolean slaAwareKillNonProd;

  @Option(names = "-sla_coordinator_timeout", defaultValue = "1mins",
      description = "How long a coordinator may take to answer whether a task may go down; "
          + "a late answer denies, and the next pass asks again.")
  private Duration slaCoordinatorTimeout;

  @Option(names = "-max_parallel_coordinated_maintenance", defaultValue = "10",
      description = "Coordinator checks in flight at once (each coordinator is asked about one "
          + "task at a time).")
  private int maxParallelCoordinatedMaintenance;

  @Option(names = "-max_sla_duration_secs", defaultValue = "2hrs",
      description = "The longest up-time (durationSecs) a job's count or percentage SLA policy may "
          + "ask for; a longer one is refused when the job is created or updated.")
  private Duration maxSlaDuration;

  /** {@code -max_sla_duration_secs}. */
  public Duration maxSlaDuration() {
    return maxSlaDuration;
  }

  @Override
  public String title() {
    return "Host maintenance and SLA";
  }

  /**
   * The maintenance options.
   *
   * @param unavailabilityThreshold {@code -unavailability_threshold} (a scheduling flag)
   * @throws IllegalArgumentException naming the flag, if a value is out of range
   */
  public MaintenanceOptions toMaintenanceOptions(Duration unavailabilityThreshold) {
    return new MaintenanceOptions(hostMaintenancePollingInterval, unavailabilityThreshold,
        new SlaRules(minRequiredInstancesForSlaCheck, slaAwareKillNonProd),
        new CoordinatorOptions(slaCoordinatorTimeout, maxParallelCoordinatedMaintenance));
  }
}
