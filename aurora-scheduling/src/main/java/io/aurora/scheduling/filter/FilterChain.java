package io.aurora.scheduling.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of {@link FeasibilityCheck}s; the first veto wins. Static checks run before
 * dynamic ones, in the order given, so a cached static veto always shadows a dynamic one.
 */
public final class FilterChain {

  /** The host attribute (and constraint name) that marks dedicated hosts. */
  public static final String DEDICATED_ATTRIBUTE = "dedicated";

  private final List<FeasibilityCheck> staticChecks;
  private final List<FeasibilityCheck> dynamicChecks;

  private FilterChain(List<FeasibilityCheck> checks) {
    List<FeasibilityCheck> s = new ArrayList<>();
    List<FeasibilityCheck> d = new ArrayList<>();
    for (FeasibilityCheck c : checks) {
      (c.isStatic() ? s : d).add(c);
    }
    this.staticChecks = List.copyOf(s);
    this.dynamicChecks = List.copyOf(d);
  }

  /** Aurora's filter, most severe veto first; {@code extra} checks run after the built-ins. */
  public static FilterChain standard(FeasibilityCheck... extra) {
    return standard(MaintenanceCheck.DEFAULT_UNAVAILABILITY_THRESHOLD, extra);
  }

  /**
   * Aurora's filter with {@code -unavailability_threshold}: hosts whose Mesos maintenance starts
   * within it take no new tasks.
   */
  public static FilterChain standard(java.time.Duration unavailabilityThreshold,
      FeasibilityCheck... extra) {
    List<FeasibilityCheck> checks = new ArrayList<>();
    // A dedicated host belongs to the teams that asked for it: nothing else may land there,
    // whatever else fits.
    checks.add(new DedicatedHostCheck());
    // A draining or drained host is being emptied; a new task there would be killed again soon.
    checks.add(new MaintenanceCheck(unavailabilityThreshold));
    // Value constraints (and limits on hosts lacking the attribute) depend only on the config
    // and the host, so they run with the static group and their answer is cached per group.
    checks.add(new ValueConstraintCheck());
    // Limits after values, as in Aurora: a host of the wrong kind reports that, not a limit.
    checks.add(new LimitConstraintCheck());
    // Resources last: the cheapest to fix (wait for another offer) is the least severe veto.
    checks.add(new ResourceCheck());
    checks.addAll(List.of(extra));
    return new FilterChain(checks);
  }

  /** A chain of exactly {@code checks} (static ones first, each group in the order given). */
  public static FilterChain of(List<FeasibilityCheck> checks) {
    return new FilterChain(checks);
  }

  /** The first veto of the static checks. */
  public Optional<Veto> checkStatic(TaskRequest task, HostOffer host, PlacementContext context) {
    return first(staticChecks, task, host, context);
  }

  /** The first veto of the dynamic checks. */
  public Optional<Veto> checkDynamic(TaskRequest task, HostOffer host, PlacementContext context) {
    return first(dynamicChecks, task, host, context);
  }

  /** The first veto of all checks. */
  public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
    Optional<Veto> veto = checkStatic(task, host, context);
    return veto.isPresent() ? veto : checkDynamic(task, host, context);
  }

  private static Optional<Veto> first(
      List<FeasibilityCheck> checks, TaskRequest task, HostOffer host, PlacementContext context) {
    for (FeasibilityCheck c : checks) {
      Optional<Veto> veto = c.check(task, host, context);
      if (veto.isPresent()) {
        return veto;
      }
    }
    return Optional.empty();
  }
}
