package io.aurora.scheduling.update;

import io.aurora.gen.ConfigGroup;
import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.TaskConfig;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an update would change: a job's active instances and their configs against a proposed
 * config over instances {@code 0..instanceCount-1}, optionally limited to a scope of instances.
 *
 * <ul>
 *   <li>{@link #add}: proposed instances that have no active task;
 *   <li>{@link #update}: instances that run another config than the proposed one;
 *   <li>{@link #remove}: active instances beyond the proposed count;
 *   <li>{@link #unchanged}: active instances the update leaves as they are (already on the proposed
 *       config, or outside the scope);
 *   <li>{@link #outOfScope}: scope instances that are neither active nor proposed, which makes a
 *       request invalid.
 * </ul>
 *
 * <p>With a scope, only scope instances are added, updated or removed. Each set is ascending.
 */
public record JobDiff(SortedMap<Integer, TaskConfig> current, TaskConfig desired,
    SortedSet<Integer> add, SortedSet<Integer> update, SortedSet<Integer> remove,
    SortedSet<Integer> unchanged, SortedSet<Integer> outOfScope) {

  public JobDiff {
    current = Collections.unmodifiableSortedMap(new TreeMap<>(current));
    Objects.requireNonNull(desired, "desired");
    add = frozen(add);
    update = frozen(update);
    remove = frozen(remove);
    unchanged = frozen(unchanged);
    outOfScope = frozen(outOfScope);
  }

  /**
   * The diff of {@code current} (active instance id to its config) against {@code desired} over
   * {@code instanceCount} instances, limited to {@code scope} unless it is empty.
   */
  public static JobDiff compute(Map<Integer, TaskConfig> current, TaskConfig desired,
      int instanceCount, Set<Integer> scope) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(desired, "desired");
    if (instanceCount < 0) {
      throw new IllegalArgumentException("instanceCount must not be negative: " + instanceCount);
    }
    boolean scoped = !scope.isEmpty();
    SortedSet<Integer> add = new TreeSet<>();
    SortedSet<Integer> update = new TreeSet<>();
    SortedSet<Integer> remove = new TreeSet<>();
    SortedSet<Integer> unchanged = new TreeSet<>();
    for (int i = 0; i < instanceCount; i++) {
      if (!current.containsKey(i) && (!scoped || scope.contains(i))) {
        add.add(i);
      }
    }
    for (Map.Entry<Integer, TaskConfig> e : current.entrySet()) {
      int i = e.getKey();
      boolean proposed = i < instanceCount;
      boolean changes = !proposed || !e.getValue().equals(desired);
      if (!changes || (scoped && !scope.contains(i))) {
        unchanged.add(i);
      } else if (proposed) {
        update.add(i);
      } else {
        remove.add(i);
      }
    }
    SortedSet<Integer> outOfScope = new TreeSet<>();
    for (int i : scope) {
      if (!current.containsKey(i) && (i < 0 || i >= instanceCount)) {
        outOfScope.add(i);
      }
    }
    return new JobDiff(new TreeMap<>(current), desired, add, update, remove, unchanged,
        outOfScope);
  }

  /** Whether the update would change nothing. */
  public boolean isNoop() {
    return add.isEmpty() && update.isEmpty() && remove.isEmpty();
  }

  /** The active instances the update replaces or removes (Aurora's "replaced" instances). */
  public SortedSet<Integer> replaced() {
    return union(update, remove);
  }

  /** The instances that get the proposed config (Aurora's "replacement" instances). */
  public SortedSet<Integer> replacements() {
    return union(add, update);
  }

  /** The current configs of the replaced instances, grouped: an update's initial state. */
  public Set<InstanceTaskConfig> initialState() {
    Set<InstanceTaskConfig> out = new HashSet<>();
    byConfig(replaced(), current).forEach((config, ids) ->
        out.add(new InstanceTaskConfig(config.deepCopy(), InstanceRanges.ranges(ids))));
    return out;
  }

  /** The proposed config over the replacement instances, unless there are none. */
  public Optional<InstanceTaskConfig> desiredState() {
    SortedSet<Integer> ids = replacements();
    return ids.isEmpty() ? Optional.empty()
        : Optional.of(new InstanceTaskConfig(desired.deepCopy(), InstanceRanges.ranges(ids)));
  }

  /** The added instances with the proposed config ({@code getJobUpdateDiff}'s add). */
  public Set<ConfigGroup> addGroups() {
    return add.isEmpty() ? new HashSet<>()
        : groups(Map.of(desired, add));
  }

  /** The updated instances with their current configs ({@code getJobUpdateDiff}'s update). */
  public Set<ConfigGroup> updateGroups() {
    return groups(byConfig(update, current));
  }

  /** The removed instances with their current configs. */
  public Set<ConfigGroup> removeGroups() {
    return groups(byConfig(remove, current));
  }

  /** The instances left alone, with their current configs. */
  public Set<ConfigGroup> unchangedGroups() {
    return groups(byConfig(unchanged, current));
  }

  private static Map<TaskConfig, SortedSet<Integer>> byConfig(Collection<Integer> ids,
      Map<Integer, TaskConfig> configs) {
    Map<TaskConfig, SortedSet<Integer>> out = new LinkedHashMap<>();
    for (int id : ids) {
      out.computeIfAbsent(configs.get(id), c -> new TreeSet<>()).add(id);
    }
    return out;
  }

  private static Set<ConfigGroup> groups(Map<TaskConfig, SortedSet<Integer>> byConfig) {
    Set<ConfigGroup> out = new HashSet<>();
    byConfig.forEach((config, ids) ->
        out.add(new ConfigGroup(config.deepCopy(), InstanceRanges.ranges(ids))));
    return out;
  }

  private static SortedSet<Integer> union(Set<Integer> a, Set<Integer> b) {
    SortedSet<Integer> out = new TreeSet<>(a);
    out.addAll(b);
    return Collections.unmodifiableSortedSet(out);
  }

  private static SortedSet<Integer> frozen(SortedSet<Integer> s) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(s)));
  }
}
