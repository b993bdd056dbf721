/**
 * The task lifecycle: {@link io.aurora.scheduling.state.TaskStateMachine} decides, purely, whether
 * a task may move to a new state and which side effects follow; the rescheduling rules
 * ({@link io.aurora.scheduling.state.RescheduleCalculator}, {@link io.aurora.scheduling.state.Rescheduling})
 * are pure too. The state manager that performs side effects inside one storage write builds on
 * these.
 *
 * <p>The pure classes here import no storage, threads, executors or wall clock: time comes in as
 * arguments.
 */
package io.aurora.scheduling.state;
