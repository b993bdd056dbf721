/**
 * The task lifecycle as pure rules. {@link io.aurora.scheduling.state.TaskStateMachine} decides
 * whether a task may move to a new state and which {@link io.aurora.scheduling.state.SideEffect}s
 * follow; {@link io.aurora.scheduling.state.Rescheduling} builds new and replacement tasks and
 * {@link io.aurora.scheduling.state.RescheduleCalculator} computes flapping penalties;
 * {@link io.aurora.scheduling.state.MesosStatuses} maps Mesos task states onto Aurora's.
 *
 * <p>Pure: deterministic functions of their arguments. No storage, IO, threads, executors,
 * clocks, randomness or {@code synchronized}; ids and times come in as arguments. The code that
 * performs the side effects in a storage write is {@code io.aurora.scheduling.write}.
 */
package io.aurora.scheduling.state;
