package io.aurora.scheduling.update;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The order in which an update takes its instances.
 *
 * <p>Forward: the added instances first (new capacity comes up before any old task goes away), then
 * the updated ones, then the removed ones, each ascending. Rolling back undoes this in exactly the
 * reverse order: removed instances are re-created first (descending), then the updated ones are
 * reverted from the highest id down, then the added ones are killed, highest first. Reversing
 * the whole order means the instances the forward direction touched last, which are the least
 * proven, are the first to be put back, and the job never runs with fewer instances than
 * before the update while capacity is being restored.
 */
public final class UpdateOrder {
  private UpdateOrder() {}

  /**
   * The forward order over the instances of an update.
   *
   * @param initial instances that had a config before the update (its initial state)
   * @param desired instances that get the new config (its desired state)
   */
  public static List<Integer> forward(Set<Integer> initial, Set<Integer> desired) {
    SortedSet<Integer> added = new TreeSet<>(desired);
    added.removeAll(initial);
    SortedSet<Integer> updated = new TreeSet<>(desired);
    updated.retainAll(initial);
    SortedSet<Integer> removed = new TreeSet<>(initial);
    removed.removeAll(desired);
    List<Integer> order = new ArrayList<>(added);
    order.addAll(updated);
    order.addAll(removed);
    return Collections.unmodifiableList(order);
  }

  /** The rollback order: the forward order reversed. */
  public static List<Integer> rollback(Set<Integer> initial, Set<Integer> desired) {
    List<Integer> order = new ArrayList<>(forward(initial, desired));
    Collections.reverse(order);
    return Collections.unmodifiableList(order);
  }
}
