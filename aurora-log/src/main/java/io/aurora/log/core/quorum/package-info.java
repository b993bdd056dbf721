/**
 * Ballots (proposal numbers) and majority math for the Paxos core. Pure values: no IO, no threads,
 * no clock; the same rules as {@code io.aurora.log.core}.
 */
package io.aurora.log.core.quorum;
