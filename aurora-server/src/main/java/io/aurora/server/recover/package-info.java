/**
 * {@code bin/aurora-recover}: the offline path from a backup to a new log, for when the log
 * itself is lost. It writes into replica directories only, never talks to ZooKeeper, Mesos or a
 * running scheduler, and imports nothing from the scheduler's wiring.
 */
package io.aurora.server.recover;
