package io.aurora.log.core;

import java.util.Objects;

/** The result of a local command (elect, append, truncate), keyed by the caller's request id. */
public sealed interface Outcome {
  long requestId();

  /** This replica's writer was elected; every position up to {@code position} is learned. */
  record Elected(long requestId, long position) implements Outcome {}

  /** The append or truncation is chosen and learned at {@code position}. */
  record Written(long requestId, long position) implements Outcome {}

  /** The command failed; nothing was acknowledged. */
  record Failed(long requestId, Failure failure, String message, int knownReplicas)
      implements Outcome {
    public Failed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Why a command failed. */
  enum Failure {
    /** This replica is not VOTING yet, so it cannot lead. */
    NOT_VOTING,
    /** The quorum is not a majority of the known replicas ({@code knownReplicas}). */
    QUORUM_MISCONFIGURED,
    /** No quorum promised in time, or a higher ballot won. */
    ELECTION_FAILED,
    /** The writer lost its promise or was not elected. */
    WRITER_FAILED,
    /** No quorum accepted in time; the outcome is unknown and the writer is demoted. */
    TIMEOUT
  }
}
