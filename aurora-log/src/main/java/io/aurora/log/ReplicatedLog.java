package io.aurora.log;

/**
 * One replica of a replicated log, open in this process.
 *
 * <p>Every replica can read what it has learned; at most one {@link Writer} makes progress at a time
 * across all replicas. Electing a writer here demotes any writer elsewhere (and any earlier writer
 * of this replica) at its next write.
 */
public interface ReplicatedLog extends AutoCloseable {
  /**
   * Elects this replica's writer: runs the election (Paxos phase 1 over a quorum), fills holes, and
   * returns a writer that can append after every entry learned so far. Blocks for at most the
   * configured election timeout per attempt, for the configured number of attempts.
   *
   * @throws QuorumMisconfiguredException if the configured quorum is not a majority of the replicas
   *     this replica knows of
   * @throws ElectionFailedException if no attempt won a quorum in time
   * @throws LogClosedException if the log was closed
   */
  Writer elect() throws LogException;

  /** A reader of the entries this replica has learned. Cheap; readers share the replica. */
  Reader reader();

  /** Stops the replica; pending appends fail with {@link LogClosedException}. Idempotent. */
  @Override
  void close();
}
