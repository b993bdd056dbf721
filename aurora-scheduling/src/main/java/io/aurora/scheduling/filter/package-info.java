/**
 * Feasibility of placing a task on a host: {@link io.aurora.scheduling.filter.FeasibilityCheck}s
 * that each return an optional {@link io.aurora.scheduling.filter.Veto} with a reason, assembled in
 * {@link io.aurora.scheduling.filter.FilterChain#standard}. Embedders add their own checks.
 *
 * <p>Pure: no storage, Mesos, threads or clock.
 */
package io.aurora.scheduling.filter;
