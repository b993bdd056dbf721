/**
 * Preemption decisions as pure functions: which running tasks a pending task may preempt
 * ({@link io.aurora.scheduling.preempt.VictimRules}), the fewest resources to take from one agent
 * so that it fits ({@link io.aurora.scheduling.preempt.VictimSelector}), and the search over
 * every agent for the slots of one round ({@link io.aurora.scheduling.preempt.SlotSearch}).
 *
 * <p>Pure: no clocks, threads, locks, randomness, IO or storage (the architecture test holds it
 * to that). The caller reads a snapshot of tasks and offers into
 * {@link io.aurora.scheduling.preempt.AgentRoom}s and acts on the
 * {@link io.aurora.scheduling.preempt.PreemptionSlot}s returned.
 */
package io.aurora.scheduling.preempt;
