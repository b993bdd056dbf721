package io.aurora.scheduling.updater;

import io.aurora.gen.JobKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What happened to the updating jobs since the last evaluation pass: per job, the instances
 * whose tasks changed or whose watch ended, or that every instance in flight needs a look.
 * Marked from any thread (after-commit actions, timers), drained by the pass. Thread-safe.
 */
final class DirtyInstances {
  /** What one pass takes. */
  record Drained(Map<JobKey, Set<Integer>> instances, Set<JobKey> all) {
    boolean isEmpty() {
      return instances.isEmpty() && all.isEmpty();
    }

    Set<JobKey> jobs() {
      Set<JobKey> jobs = new HashSet<>(instances.keySet());
      jobs.addAll(all);
      return jobs;
    }

    Set<Integer> of(JobKey job) {
      return instances.getOrDefault(job, Set.of());
    }
  }

  private Map<JobKey, Set<Integer>> instances = new HashMap<>();
  private Set<JobKey> all = new HashSet<>();

  synchronized void mark(JobKey job, int instance) {
    instances.computeIfAbsent(job, j -> new HashSet<>()).add(instance);
  }

  synchronized void markAll(JobKey job) {
    all.add(job);
  }

  /** Takes every mark. */
  synchronized Drained drain() {
    Drained d = new Drained(instances, all);
    instances = new HashMap<>();
    all = new HashSet<>();
    return d;
  }

  /** Puts back the marks of a pass that could not be written. */
  synchronized void restore(Drained d) {
    d.instances().forEach((job, ids) -> instances.computeIfAbsent(job, j -> new HashSet<>())
        .addAll(ids));
    all.addAll(d.all());
  }

  /** Forgets the marks of a job whose update ended. */
  synchronized void forget(JobKey job) {
    instances.remove(job);
    all.remove(job);
  }
}
