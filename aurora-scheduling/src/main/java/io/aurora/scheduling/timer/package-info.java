/**
 * Timers as data ({@link io.aurora.scheduling.timer.TimerQueue}): actions due at instants, run by
 * whoever drives the queue with the current time. Shared by the task timers, reconciliation and
 * pruning; it knows nothing of them.
 */
package io.aurora.scheduling.timer;
