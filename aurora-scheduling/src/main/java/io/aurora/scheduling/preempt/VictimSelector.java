package io.aurora.scheduling.preempt;

import io.aurora.scheduling.resources.ResourceBag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The victims on one agent that make room for a pending task and take the fewest resources.
 *
 * <p>Aurora adds victims largest first until the task fits, which can take a large task where a
 * small one would do. Here, with up to {@link #EXACT_LIMIT} eligible victims the choice is exact:
 * a branch and bound over the subsets, largest first, that cuts a branch as soon as it costs
 * more than the best set found or cannot cover the shortfall with what is left. With more, it is
 * the better of two cheap answers: largest-first then dropping every victim the task can do
 * without, and the cheapest single victim that is enough alone.
 *
 * <p>Room counts all five kinds of {@link ResourceBag} (a revocable victim's CPU frees nothing,
 * {@link Candidate#freed}); cost counts CPU, RAM and disk taken ({@link Weights}).
 */
public final class VictimSelector {
  /** Most eligible victims on one agent chosen exactly; beyond, the heuristic. */
  public static final int EXACT_LIMIT = 12;

  private static final int KINDS = 5;
  /** The tolerance of {@link ResourceBag#fits}: filling an agent exactly is a fit. */
  private static final double EPSILON = 1e-9;

  private VictimSelector() {}

  /**
   * The cheapest victims among {@code eligible} that, with {@code slack}, cover {@code need};
   * an empty list if the slack alone is enough; empty if no set is enough.
   */
  public static Optional<List<Candidate>> fewest(ResourceBag need, ResourceBag slack,
      List<Candidate> eligible, Weights weights) {
    double[] shortfall = minus(vector(need), vector(slack));
    if (covered(shortfall)) {
      return Optional.of(List.of());
    }
    List<Candidate> sorted = new ArrayList<>(eligible);
    sorted.sort(Comparator.comparingDouble((Candidate c) -> weights.cost(c.resources()))
        .reversed());
    int n = sorted.size();
    double[][] freed = new double[n][];
    double[] costs = new double[n];
    double[] total = new double[KINDS];
    for (int i = 0; i < n; i++) {
      freed[i] = vector(sorted.get(i).freed());
      costs[i] = weights.cost(sorted.get(i).resources()) + Weights.PER_VICTIM;
      add(total, freed[i]);
    }
    if (!covers(total, shortfall)) {
      return Optional.empty();
    }
    boolean[] chosen = n <= EXACT_LIMIT
        ? new Exact(freed, costs, shortfall).best()
        : heuristic(freed, costs, shortfall);
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (chosen[i]) {
        out.add(sorted.get(i));
      }
    }
    return Optional.of(out);
  }

  /** Branch and bound over subsets of victims sorted by cost, largest first. */
  private static final class Exact {
    private final double[][] freed;
    private final double[] costs;
    private final double[] shortfall;
    /** What victims i.. free together, per kind: a branch that cannot reach the shortfall ends. */
    private final double[][] suffix;
    private final boolean[] current;
    private boolean[] best;
    private double bestCost = Double.POSITIVE_INFINITY;

    Exact(double[][] freed, double[] costs, double[] shortfall) {
      this.freed = freed;
      this.costs = costs;
      this.shortfall = shortfall;
      int n = costs.length;
      this.suffix = new double[n + 1][KINDS];
      for (int i = n - 1; i >= 0; i--) {
        for (int k = 0; k < KINDS; k++) {
          suffix[i][k] = suffix[i + 1][k] + freed[i][k];
        }
      }
      this.current = new boolean[n];
    }

    boolean[] best() {
      search(0, new double[KINDS], 0);
      return best;
    }

    private void search(int i, double[] have, double cost) {
      if (cost >= bestCost) {
        return;
      }
      if (covers(have, shortfall)) {
        bestCost = cost;
        best = current.clone();
        return;
      }
      if (i == costs.length) {
        return;
      }
      for (int k = 0; k < KINDS; k++) {
        if (have[k] + suffix[i][k] < shortfall[k] - EPSILON) {
          return;
        }
      }
      current[i] = true;
      add(have, freed[i]);
      search(i + 1, have, cost + costs[i]);
      subtract(have, freed[i]);
      current[i] = false;
      search(i + 1, have, cost);
    }
  }

  private static boolean[] heuristic(double[][] freed, double[] costs, double[] shortfall) {
    int n = costs.length;
    boolean[] greedy = new boolean[n];
    double[] have = new double[KINDS];
    for (int i = 0; i < n && !covers(have, shortfall); i++) {
      greedy[i] = true;
      add(have, freed[i]);
    }
    // Drop what the task can do without, largest first: the big early picks are often spare.
    for (int i = 0; i < n; i++) {
      if (greedy[i]) {
        subtract(have, freed[i]);
        if (covers(have, shortfall)) {
          greedy[i] = false;
        } else {
          add(have, freed[i]);
        }
      }
    }
    double greedyCost = 0;
    for (int i = 0; i < n; i++) {
      greedyCost += greedy[i] ? costs[i] : 0;
    }
    for (int i = n - 1; i >= 0; i--) {
      if (costs[i] < greedyCost && covers(freed[i], shortfall)) {
        boolean[] single = new boolean[n];
        single[i] = true;
        return single;
      }
    }
    return greedy;
  }

  private static double[] vector(ResourceBag bag) {
    return new double[] {bag.cpus(), bag.ramMb(), bag.diskMb(), bag.gpus(), bag.ports()};
  }

  private static double[] minus(double[] a, double[] b) {
    double[] out = new double[KINDS];
    for (int k = 0; k < KINDS; k++) {
      out[k] = a[k] - b[k];
    }
    return out;
  }

  private static void add(double[] into, double[] v) {
    for (int k = 0; k < KINDS; k++) {
      into[k] += v[k];
    }
  }

  private static void subtract(double[] from, double[] v) {
    for (int k = 0; k < KINDS; k++) {
      from[k] -= v[k];
    }
  }

  private static boolean covered(double[] shortfall) {
    return covers(new double[KINDS], shortfall);
  }

  private static boolean covers(double[] have, double[] shortfall) {
    for (int k = 0; k < KINDS; k++) {
      if (have[k] < shortfall[k] - EPSILON) {
        return false;
      }
    }
    return true;
  }
}
