/**
 * History pruning: {@link io.aurora.scheduling.pruning.PrunePolicy} (pure) picks the terminal tasks
 * to delete; {@link io.aurora.scheduling.pruning.TaskPruner} applies it in one write per run.
 */
package io.aurora.scheduling.pruning;
