/**
 * The preemptor at work ({@code -enable_preemptor}): a background slot search over a read
 * snapshot ({@link io.aurora.scheduling.preemptor.SlotFinder}), the slots it holds for
 * {@code -preemption_slot_hold_time} ({@link io.aurora.scheduling.preemptor.HeldSlots}), and
 * the step the scheduling loop takes for a task it could not place
 * ({@link io.aurora.scheduling.preemptor.Preemptor}): re-check the slot, move the victims to
 * PREEMPTING in one write and hold the agent for the task.
 *
 * <p>The decisions are the pure {@link io.aurora.scheduling.preempt} package's; this package
 * reads state, writes through the {@link io.aurora.scheduling.write.StateWriter} and counts.
 */
package io.aurora.scheduling.preemptor;
