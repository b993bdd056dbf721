/**
 * The task lifecycle. {@link io.aurora.scheduling.state.TaskStateMachine} decides, purely, whether
 * a task may move to a new state and which side effects follow; the rescheduling rules
 * ({@link io.aurora.scheduling.state.RescheduleCalculator}, {@link io.aurora.scheduling.state.Rescheduling})
 * are pure too and import no storage, threads, executors or wall clock (a test keeps it so).
 * {@link io.aurora.scheduling.state.StateManager} performs the side effects inside a storage write
 * that its caller holds, and leaves kills to be sent once the write is durable
 * ({@link io.aurora.scheduling.state.StateChanges}).
 */
package io.aurora.scheduling.state;
