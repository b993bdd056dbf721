package io.aurora.scheduling.preempt;

/**
 * Who may preempt whom (Aurora's rules): a non-preemptible pending task may preempt any
 * preemptible task; between tasks of equal preemptibility only a task of the same role with a
 * lower priority; a preemptible task never preempts a non-preemptible one.
 */
public final class VictimRules {
  private VictimRules() {}

  /** Whether {@code pending} may preempt {@code victim}. */
  public static boolean mayPreempt(Claimant pending, Candidate victim) {
    if (!pending.preemptible() && victim.preemptible()) {
      return true;
    }
    if (pending.preemptible() == victim.preemptible()) {
      return pending.role().equals(victim.role()) && pending.priority() > victim.priority();
    }
    return false;
  }
}
