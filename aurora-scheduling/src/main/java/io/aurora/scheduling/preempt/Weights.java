package io.aurora.scheduling.preempt;

import io.aurora.scheduling.resources.ResourceBag;
import java.util.Collection;

/**
 * How resources of different kinds add up to one cost: each kind as a share of an average
 * agent's capacity, so that a victim holding a tenth of an agent's RAM weighs what one holding
 * a tenth of its CPUs does. Preemption takes the victims of least cost; a tiny amount per
 * victim breaks ties toward fewer victims.
 *
 * @param cpu the weight of one CPU
 * @param ramMb the weight of one MB of RAM
 * @param diskMb the weight of one MB of disk
 */
public record Weights(double cpu, double ramMb, double diskMb) {
  /** The weight of one victim, only enough to prefer fewer victims among equal resources. */
  static final double PER_VICTIM = 1e-9;

  /** Equal weights per unit (tests). */
  public static final Weights UNIT = new Weights(1, 1, 1);

  public Weights {
    if (!(cpu > 0) || !(ramMb > 0) || !(diskMb > 0)) {
      throw new IllegalArgumentException("weights must be positive: " + cpu + ", " + ramMb
          + ", " + diskMb);
    }
  }

  /** Weights from the mean capacity (slack plus tasks) of {@code rooms}. */
  public static Weights of(Collection<AgentRoom> rooms) {
    double cpu = 0;
    double ram = 0;
    double disk = 0;
    for (AgentRoom room : rooms) {
      ResourceBag all = room.host().free();
      for (Candidate c : room.tasks()) {
        all = all.plus(c.resources());
      }
      cpu += Math.max(0, all.cpus());
      ram += Math.max(0, all.ramMb());
      disk += Math.max(0, all.diskMb());
    }
    int n = Math.max(1, rooms.size());
    return new Weights(n / Math.max(cpu, 1e-3), n / Math.max(ram, 1), n / Math.max(disk, 1));
  }

  /** The cost of taking {@code bag}. */
  public double cost(ResourceBag bag) {
    return Math.max(0, bag.cpus()) * cpu + Math.max(0, bag.ramMb()) * ramMb
        + Math.max(0, bag.diskMb()) * diskMb;
  }
}
