/**
 * Placement of pending tasks on offers: {@link io.aurora.scheduling.assign.TaskAssigner} runs the
 * filter chain and scorer and returns {@link io.aurora.scheduling.assign.Assignment} values; the
 * {@link io.aurora.scheduling.assign.TaskInfoBuilder} turns an assigned task into the Mesos
 * TaskInfo. Pure: the caller stores assignments and talks to Mesos.
 */
package io.aurora.scheduling.assign;
