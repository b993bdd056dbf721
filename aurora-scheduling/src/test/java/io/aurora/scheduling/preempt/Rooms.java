package io.aurora.scheduling.preempt;

import io.aurora.gen.JobKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.resources.ResourceBag;
import java.util.List;
import java.util.Map;

/** Builders of agents, victims and contenders for the preemption tests. */
final class Rooms {
  private Rooms() {}

  static ResourceBag bag(double cpus, long ramMb) {
    return new ResourceBag(cpus, ramMb, 0, 0, 0);
  }

  static Candidate prod(String id, String role, int priority, double cpus, long ramMb) {
    return new Candidate(id, role, priority, false, false, bag(cpus, ramMb));
  }

  static Candidate preemptible(String id, String role, double cpus, long ramMb) {
    return new Candidate(id, role, 0, true, false, bag(cpus, ramMb));
  }

  static Candidate revocable(String id, String role, double cpus, long ramMb) {
    return new Candidate(id, role, 0, true, true, bag(cpus, ramMb));
  }

  static Claimant claimant(String role, int priority, boolean preemptible, double cpus,
      long ramMb) {
    JobKey job = new JobKey(role, "prod", "pending");
    TaskConfig config = new TaskConfig().setJob(job).setPriority(priority);
    return new Claimant(new TaskRequest(job, config, bag(cpus, ramMb), List.of(), List.of()),
        role, priority, preemptible);
  }

  static AgentRoom agent(String id, ResourceBag slack, Candidate... tasks) {
    return agent(id, MaintenanceMode.NONE, slack, tasks);
  }

  static AgentRoom agent(String id, MaintenanceMode mode, ResourceBag slack, Candidate... tasks) {
    return new AgentRoom(new HostOffer("offer-" + id, id, id + ".example", Map.of(), mode, slack,
        List.of(), 0), List.of(tasks));
  }
}
