package io.aurora.server.bench.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.Value;

/** What an offer holds once some tasks (and their executors) took their share. */
final class Leftovers {
  private Leftovers() {}

  /** {@code offer} less the scalars and ports that {@code tasks} on its agent use. */
  static Offer.Builder after(Offer offer, List<TaskInfo> tasks) {
    Map<String, Double> usedScalars = new HashMap<>();
    TreeSet<Long> usedPorts = new TreeSet<>();
    for (TaskInfo task : tasks) {
      if (!task.getAgentId().equals(offer.getAgentId())) {
        continue;
      }
      add(task.getResourcesList(), usedScalars, usedPorts);
      if (task.hasExecutor()) {
        add(task.getExecutor().getResourcesList(), usedScalars, usedPorts);
      }
    }
    Offer.Builder rest = offer.toBuilder().clearResources();
    for (Resource r : offer.getResourcesList()) {
      if (r.getType() == Value.Type.SCALAR) {
        double left = r.getScalar().getValue() - usedScalars.getOrDefault(r.getName(), 0.0);
        rest.addResources(r.toBuilder().setScalar(Value.Scalar.newBuilder()
            .setValue(Math.max(0, left))));
      } else if (r.getType() == Value.Type.RANGES && r.getName().equals("ports")) {
        rest.addResources(r.toBuilder().setRanges(without(r.getRanges(), usedPorts)));
      } else {
        rest.addResources(r);
      }
    }
    return rest;
  }

  private static void add(List<Resource> resources, Map<String, Double> scalars,
      TreeSet<Long> ports) {
    for (Resource r : resources) {
      if (r.getType() == Value.Type.SCALAR) {
        scalars.merge(r.getName(), r.getScalar().getValue(), Double::sum);
      } else if (r.getType() == Value.Type.RANGES && r.getName().equals("ports")) {
        for (Value.Range range : r.getRanges().getRangeList()) {
          for (long p = range.getBegin(); p <= range.getEnd(); p++) {
            ports.add(p);
          }
        }
      }
    }
  }

  private static Value.Ranges without(Value.Ranges ranges, TreeSet<Long> used) {
    Value.Ranges.Builder out = Value.Ranges.newBuilder();
    for (Value.Range range : ranges.getRangeList()) {
      long begin = range.getBegin();
      for (Long p : used.subSet(range.getBegin(), true, range.getEnd(), true)) {
        if (p > begin) {
          out.addRange(Value.Range.newBuilder().setBegin(begin).setEnd(p - 1));
        }
        begin = p + 1;
      }
      if (begin <= range.getEnd()) {
        out.addRange(Value.Range.newBuilder().setBegin(begin).setEnd(range.getEnd()));
      }
    }
    return out.build();
  }
}
