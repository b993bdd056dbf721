/**
 * Task reconciliation with the Mesos master: explicit (every agent-assigned task, in spaced
 * batches) and implicit (ask for everything). Answers arrive as ordinary status updates.
 */
package io.aurora.scheduling.reconcile;
