/**
 * The write path of scheduler state: {@link io.aurora.scheduling.write.StateWriter} runs a piece of work
 * in one storage write and, once it is durable, hands what it changed to the
 * {@link io.aurora.scheduling.write.AfterCommit} actions; {@link io.aurora.scheduling.write.StateManager}
 * performs transitions of the pure {@code io.aurora.scheduling.state} machine inside that write,
 * with the clock and task ids ({@link io.aurora.scheduling.write.TaskIds}) it needs, and records
 * kills and changes in {@link io.aurora.scheduling.write.StateChanges}.
 *
 * <p>Every scheduling component that changes stored state writes through a {@code StateWriter}:
 * there is no second way to write state. Depends on {@code state} and the storage; never on the runtime,
 * Mesos or the Thrift API.
 */
package io.aurora.scheduling.write;
