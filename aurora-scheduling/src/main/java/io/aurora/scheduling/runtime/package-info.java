/**
 * Where the pure cores meet storage and Mesos: the scheduling loop (pending tasks and offers to
 * assignments, one storage write per round, then ACCEPT calls), batched status updates
 * (one write per batch, acknowledged once durable), the Mesos event listener, the task timers and
 * the actions that run once a write is durable
 * ({@link io.aurora.scheduling.runtime.AfterCommitActions}).
 * Time and threads are injected ({@link java.time.Clock}, {@link java.util.concurrent.Executor}).
 */
package io.aurora.scheduling.runtime;
