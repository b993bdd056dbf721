package io.aurora.server.client.host;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.HostStatus;
import io.aurora.gen.Hosts;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.PercentageSlaPolicy;
import io.aurora.gen.Response;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskQuery;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.cli.TextTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora host}: puts hosts into maintenance and takes them out. Each verb prints the mode
 * of every host it names; a host the scheduler does not know (it has never offered resources) is
 * reported as such and left alone, as the scheduler does.
 */
@Command(name = "host",
    description = "Host maintenance: mark hosts, drain them (at once or as their jobs' SLA "
        + "allows), show their mode, return them to service.")
public final class HostCommand {
  private final ClientContext context;

  HostCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Command(name = "start-maintenance", sortOptions = false,
      description = "Marks hosts SCHEDULED for maintenance: they keep their tasks and take new "
          + "ones only when no other host fits.")
  int startMaintenance(
      @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "HOST", description = "Hosts.")
          List<String> hosts) {
    Response r = context.scheduler(cluster).ok(api -> api.startMaintenance(hosts(hosts)));
    print(hosts, r.getResult().getStartMaintenanceResult().getStatuses());
    return ExitCodes.OK;
  }

  @Command(name = "drain", sortOptions = false,
      description = "Drains hosts now, whatever their tasks' SLA: every task there is killed and "
          + "rescheduled elsewhere; a host is DRAINED once nothing runs there.")
  int drain(
      @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "HOST", description = "Hosts.")
          List<String> hosts) {
    Response r = context.scheduler(cluster).ok(api -> api.drainHosts(hosts(hosts)));
    print(hosts, r.getResult().getDrainHostsResult().getStatuses());
    return ExitCodes.OK;
  }

  @Command(name = "sla-drain", sortOptions = false,
      description = {"Drains hosts as their tasks' SLA allows: a task goes when its job's SLA "
          + "policy (the job's own, else the default given here) allows it, and every task "
          + "still there after the timeout goes anyway.",
          "Waits until the hosts are DRAINED, showing the tasks still waiting on their SLA "
          + "(unless --no-wait)."})
  int slaDrain(
      @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "HOST", description = "Hosts.")
          List<String> hosts,
      @Option(names = "--percentage", paramLabel = "P", defaultValue = "95",
          description = "Default policy: P percent of a job's instances stay up (default "
              + "${DEFAULT-VALUE}).") double percentage,
      @Option(names = "--count", paramLabel = "N",
          description = "Default policy: N instances of a job stay up (instead of a percentage).")
          Long count,
      @Option(names = "--duration-secs", paramLabel = "S", defaultValue = "1800",
          description = "An instance counts as up after running S seconds (default "
              + "${DEFAULT-VALUE}).") long durationSecs,
      @Option(names = "--timeout-secs", paramLabel = "S", defaultValue = "604800",
          description = "Tasks still there after S seconds are drained anyway (default "
              + "${DEFAULT-VALUE}, 7 days).") long timeoutSecs,
      @Option(names = "--interval-secs", paramLabel = "N", defaultValue = "5",
          description = "Seconds between polls while waiting (default ${DEFAULT-VALUE}).")
          long intervalSecs,
      @Option(names = "--no-wait", description = "Return once the drain is requested.")
          boolean noWait) {
    if (durationSecs < 0 || timeoutSecs < 0 || intervalSecs < 1) {
      throw ClientFailure.invalidParameter(
          "--duration-secs and --timeout-secs must be 0 or more, --interval-secs at least 1");
    }
    SlaPolicy policy = count != null
        ? SlaPolicy.countSlaPolicy(new CountSlaPolicy(count, durationSecs))
        : SlaPolicy.percentageSlaPolicy(new PercentageSlaPolicy(percentage, durationSecs));
    SchedulerCalls scheduler = context.scheduler(cluster);
    Response r = scheduler.ok(api -> api.slaDrainHosts(hosts(hosts), policy, timeoutSecs));
    Set<HostStatus> statuses = r.getResult().getDrainHostsResult().getStatuses();
    print(hosts, statuses);
    if (noWait) {
      return ExitCodes.OK;
    }
    List<String> known = statuses.stream().map(HostStatus::getHost).sorted().toList();
    String lastShown = null;
    while (true) {
      Set<HostStatus> now = scheduler.ok(api -> api.maintenanceStatus(hosts(known)))
          .getResult().getMaintenanceStatusResult().getStatuses();
      if (now.stream().allMatch(s -> s.getMode() == MaintenanceMode.DRAINED)) {
        context.out().println("drained: " + String.join(", ", known));
        context.out().flush();
        return ExitCodes.OK;
      }
      if (now.stream().anyMatch(s -> s.getMode() != MaintenanceMode.DRAINING
          && s.getMode() != MaintenanceMode.DRAINED)) {
        throw new ClientFailure(ExitCodes.COMMAND_FAILURE,
            "the drain was ended (a host left DRAINING): " + modes(now));
      }
      String shown = waiting(scheduler, known);
      if (!shown.equals(lastShown)) {
        context.out().print(shown);
        context.out().flush();
        lastShown = shown;
      }
      try {
        context.sleeper().sleep(Duration.ofSeconds(intervalSecs));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClientFailure(ExitCodes.INTERRUPTED, "interrupted; the drain goes on");
      }
    }
  }

  @Command(name = "status", sortOptions = false, description = "Shows the hosts' modes.")
  int status(
      @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "HOST", description = "Hosts.")
          List<String> hosts) {
    Response r = context.scheduler(cluster).ok(api -> api.maintenanceStatus(hosts(hosts)));
    print(hosts, r.getResult().getMaintenanceStatusResult().getStatuses());
    return ExitCodes.OK;
  }

  @Command(name = "end", sortOptions = false,
      description = "Returns hosts to service (mode NONE) and forgets their drain requests.")
  int end(
      @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "HOST", description = "Hosts.")
          List<String> hosts) {
    Response r = context.scheduler(cluster).ok(api -> api.endMaintenance(hosts(hosts)));
    print(hosts, r.getResult().getEndMaintenanceResult().getStatuses());
    return ExitCodes.OK;
  }

  private static Hosts hosts(List<String> names) {
    return new Hosts(new HashSet<>(names));
  }

  /** A HOST/MODE table of the named hosts, in the order given; unknown ones say so. */
  private void print(List<String> asked, Set<HostStatus> statuses) {
    Map<String, MaintenanceMode> modes = new TreeMap<>();
    statuses.forEach(s -> modes.put(s.getHost(), s.getMode()));
    TextTable table = new TextTable("HOST", "MODE");
    for (String host : asked.stream().distinct().toList()) {
      MaintenanceMode mode = modes.get(host);
      table.row(host, mode == null ? "unknown to the scheduler (skipped)" : mode.name());
    }
    table.print(context.out());
    context.out().flush();
  }

  private static String modes(Set<HostStatus> statuses) {
    List<String> out = new ArrayList<>();
    statuses.stream().sorted((a, b) -> a.getHost().compareTo(b.getHost()))
        .forEach(s -> out.add(s.getHost() + " " + s.getMode()));
    return String.join(", ", out);
  }

  /** The tasks still on the hosts: those not yet going are waiting on their SLA. */
  private static String waiting(SchedulerCalls scheduler, List<String> hosts) {
    TaskQuery query = TaskQueries.all().slaveHosts(hosts).statuses(Tasks.SLAVE_ASSIGNED_STATES)
        .build();
    Result result = scheduler.ok(api -> api.getTasksWithoutConfigs(query)).getResult();
    List<ScheduledTask> tasks = result.getScheduleStatusResult().getTasks();
    StringBuilder out = new StringBuilder();
    tasks.stream().sorted((a, b) -> key(a).compareTo(key(b))).forEach(t -> {
      out.append(t.getStatus() == ScheduleStatus.DRAINING
              || t.getStatus() == ScheduleStatus.KILLING
              ? "  draining:        " : "  waiting on SLA:  ")
          .append(key(t)).append(" on ").append(t.getAssignedTask().getSlaveHost())
          .append(" (").append(t.getStatus()).append(")\n");
    });
    return out.toString();
  }

  private static String key(ScheduledTask t) {
    return JobKeys.canonicalString(t.getAssignedTask().getTask().getJob()) + "/"
        + t.getAssignedTask().getInstanceId();
  }
}
