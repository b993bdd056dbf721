package io.aurora.scheduling.update;

import io.aurora.gen.Resource;
import io.aurora.gen.TaskConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an instance's new task fits where its old task ran: the same constraints and no
 * resource larger. Aurora holds the agent of a task an update kills (update affinity) only then;
 * a replacement that needs more would wait for an agent that cannot take it.
 */
public final class ReplacementFit {
  private ReplacementFit() {}

  /** Whether a task of {@code next} fits in the place of a task of {@code old}. */
  public static boolean fitsInPlaceOf(TaskConfig next, TaskConfig old) {
    if (!Objects.equals(next.getConstraints(), old.getConstraints())) {
      return false;
    }
    Map<String, Double> before = amounts(old);
    for (Map.Entry<String, Double> need : amounts(next).entrySet()) {
      if (need.getValue() > before.getOrDefault(need.getKey(), 0.0)) {
        return false;
      }
    }
    return true;
  }

  /** Scalar resources by kind; named ports counted as "ports". */
  private static Map<String, Double> amounts(TaskConfig config) {
    Map<String, Double> out = new HashMap<>();
    if (config.isSetResources()) {
      for (Resource r : config.getResources()) {
        if (r.isSetNumCpus()) {
          out.merge("cpus", r.getNumCpus(), Double::sum);
        } else if (r.isSetRamMb()) {
          out.merge("ram", (double) r.getRamMb(), Double::sum);
        } else if (r.isSetDiskMb()) {
          out.merge("disk", (double) r.getDiskMb(), Double::sum);
        } else if (r.isSetNumGpus()) {
          out.merge("gpus", (double) r.getNumGpus(), Double::sum);
        } else if (r.isSetNamedPort()) {
          out.merge("ports", 1.0, Double::sum);
        }
      }
    }
    return out;
  }
}
