/**
 * The job updater at work: it keeps the active updates, evaluates their instances when the tasks
 * of an updating job change or a watch period ends, and acts through the
 * {@code io.aurora.scheduling.write.StateWriter} (one write per evaluation pass, whatever the
 * number of instances it touches). The decisions themselves are the pure
 * {@code io.aurora.scheduling.update} package's.
 */
package io.aurora.scheduling.updater;
