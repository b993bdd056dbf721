package io.aurora.server.bench.schedule;

import io.aurora.gen.Constraint;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.LimitConstraint;
import io.aurora.gen.Resource;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import io.aurora.gen.ValueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jobs and agents of a run. Agents carry {@code zone} (one of 5), {@code rack} (50 agents per
 * rack) and, when {@code dedicated} is on, every tenth agent the attribute {@code dedicated=*&#47;bench}.
 * Jobs cycle through ten kinds by job number: 0 dedicated (if on), 1-3 a value constraint
 * {@code zone in (z0, z1)}, 4-5 {@code limit host:1}, 6 a rack limit, 7-9 no constraint.
 *
 * @param agents agent count
 * @param tasks task count (spread over the jobs; the first jobs take the remainder)
 * @param jobs job count
 * @param dedicated whether dedicated agents and jobs are part of the mix
 */
record Workload(int agents, int tasks, int jobs, boolean dedicated) {
  static final String AGENT_RESOURCES = "cpus:16;mem:65536;disk:1000000;ports:[31000-32000]";
  static final double TASK_CPUS = 0.25;
  static final long TASK_RAM_MB = 128;
  static final long TASK_DISK_MB = 128;
  static final String ROLE = "bench";
  static final String DEDICATED_VALUE = "*/bench";
  static final int ZONES = 5;
  static final int AGENTS_PER_RACK = 50;

  int racks() {
    return Math.max(1, agents / AGENTS_PER_RACK);
  }

  /** The agent attributes, by agent number. */
  Map<String, String> attributes(int agent) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("zone", "z" + agent % ZONES);
    out.put("rack", "r" + agent % racks());
    if (dedicated && agent % 10 == 0) {
      out.put("dedicated", DEDICATED_VALUE);
    }
    return out;
  }

  /** The same attributes as a {@code LocalMesosOptions} template (no dedicated agents there). */
  String attributeTemplate() {
    return "zone:z#%" + ZONES + ";rack:r#%" + racks();
  }

  /** Every job, in creation order. */
  List<JobConfiguration> jobConfigs() {
    List<JobConfiguration> out = new ArrayList<>(jobs);
    for (int j = 0; j < jobs; j++) {
      int instances = tasks / jobs + (j < tasks % jobs ? 1 : 0);
      JobKey key = new JobKey(ROLE, "prod", "job-" + j);
      TaskConfig task = new TaskConfig()
          .setJob(key)
          .setOwner(new Identity(ROLE))
          .setIsService(true)
          .setResources(new HashSet<>(Set.of(Resource.numCpus(TASK_CPUS),
              Resource.ramMb(TASK_RAM_MB), Resource.diskMb(TASK_DISK_MB))))
          .setConstraints(constraints(j, instances))
          .setExecutorConfig(new ExecutorConfig("AuroraExecutor", "{\"job\":" + j + "}"));
      out.add(new JobConfiguration().setKey(key).setOwner(new Identity(ROLE))
          .setInstanceCount(instances).setTaskConfig(task));
    }
    return out;
  }

  private Set<Constraint> constraints(int job, int instances) {
    Set<Constraint> out = new HashSet<>();
    switch (job % 10) {
      case 0 -> {
        if (dedicated) {
          out.add(value("dedicated", DEDICATED_VALUE));
        }
      }
      case 1, 2, 3 -> out.add(value("zone", "z0", "z1"));
      case 4, 5 -> out.add(limit("host", 1));
      case 6 -> out.add(limit("rack", Math.max(1, (2 * instances + racks() - 1) / racks())));
      default -> {
        // No constraint.
      }
    }
    return out;
  }

  private static Constraint value(String name, String... values) {
    return new Constraint(name, TaskConstraint.value(
        new ValueConstraint(false, new HashSet<>(Set.of(values)))));
  }

  private static Constraint limit(String name, int limit) {
    return new Constraint(name, TaskConstraint.limit(new LimitConstraint(limit)));
  }
}
