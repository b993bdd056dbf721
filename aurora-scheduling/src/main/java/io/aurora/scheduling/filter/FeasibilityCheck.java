package io.aurora.scheduling.filter;

import java.util.Optional;

/**
 * One rule of placement: may a task of this group go to this host?
 *
 * <p>A <em>static</em> check depends only on the task's config and the host's attributes and
 * mode, so its answer is cached per (task group, offer) and reused for every task of the group;
 * a dynamic check also reads what is still free or the job's attribute counts, and is evaluated
 * for every task. Implementations must be pure and fast; embedders add their own to the
 * {@link FilterChain}.
 */
public interface FeasibilityCheck {

  /** A veto if the task may not go to the host. */
  Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context);

  /** Whether the answer depends only on the task config and host attributes and mode. */
  boolean isStatic();
}
