package io.aurora.scheduling.filter;

import io.aurora.api.JobKeys;
import io.aurora.gen.Constraint;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.LimitConstraint;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.Resource;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import io.aurora.gen.ValueConstraint;
import io.aurora.scheduling.resources.PortRange;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders of task configs and offers for placement tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A service config of job {@code role/prod/name} with the given resources and ports. */
  public static TaskConfig config(String role, String name, double cpus, long ramMb, long diskMb,
      String... ports) {
    Set<Resource> resources = new HashSet<>();
    resources.add(Resource.numCpus(cpus));
    resources.add(Resource.ramMb(ramMb));
    resources.add(Resource.diskMb(diskMb));
    for (String p : ports) {
      resources.add(Resource.namedPort(p));
    }
    return new TaskConfig()
        .setJob(JobKeys.from(role, "prod", name))
        .setIsService(true)
        .setMaxTaskFailures(1)
        .setPriority(0)
        .setResources(resources)
        .setConstraints(new HashSet<>())
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor", "{}"));
  }

  /** Adds a value constraint. */
  public static TaskConfig withValue(TaskConfig c, String name, boolean negated, String... values) {
    c.addToConstraints(new Constraint(name,
        TaskConstraint.value(new ValueConstraint(negated, new HashSet<>(List.of(values))))));
    return c;
  }

  /** Adds a limit constraint. */
  public static TaskConfig withLimit(TaskConfig c, String name, int limit) {
    c.addToConstraints(new Constraint(name, TaskConstraint.limit(new LimitConstraint(limit))));
    return c;
  }

  /** An offer {@code o-<host>} on agent {@code a-<host>}. */
  public static HostOffer offer(String host, Map<String, Set<String>> attributes,
      MaintenanceMode mode, double cpus, long ramMb, long diskMb, long portsFrom, long portsTo) {
    return HostOffer.of("o-" + host, "a-" + host, host, attributes, mode, cpus, ramMb, diskMb, 0,
        portsTo >= portsFrom ? List.of(new PortRange(portsFrom, portsTo)) : List.of());
  }
}
