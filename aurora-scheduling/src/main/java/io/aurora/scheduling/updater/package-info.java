/**
 * The job updater at work: it keeps the active updates, evaluates their instances when the tasks
 * of an updating job change or a watch period ends, and acts through the
 * {@code io.aurora.scheduling.write.StateWriter} (one write per evaluation pass, whatever the
 * number of instances it touches). The decisions themselves are the pure
 * {@code io.aurora.scheduling.update} package's. {@link io.aurora.scheduling.updater.JobUpdateController}
 * is the updater: it starts, steers and recovers updates and runs their evaluation passes;
 * {@link io.aurora.scheduling.updater.UpdateAgentHolds} holds the agents of replaced instances
 * (update affinity). {@link io.aurora.scheduling.updater.ActiveUpdates}
 * finds a job's active update (inside the caller's transaction);
 * {@link io.aurora.scheduling.updater.UpdateHistoryPruner} forgets finished updates past the
 * history retention.
 */
package io.aurora.scheduling.updater;
