package io.aurora.log.core;

import io.aurora.log.core.quorum.Ballot;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What replicas say to each other. Every message is idempotent: duplicates are harmless. */
public sealed interface Message {
  /** Phase 1a: promise {@code ballot} for every position, and report accepted slots from {@code from}. */
  record Prepare(Ballot ballot, long from) implements Message {
    public Prepare {
      Objects.requireNonNull(ballot, "ballot");
    }
  }

  /** Phase 1b: the promise, with what the acceptor holds at or after the prepare's position. */
  record Promise(Ballot ballot, long begin, long learnedUpTo, List<Slot> accepted,
      Set<ReplicaId> voters) implements Message {
    public Promise {
      Objects.requireNonNull(ballot, "ballot");
      accepted = List.copyOf(accepted);
      voters = Set.copyOf(voters);
    }
  }

  /** A prepare or accept under {@code ballot} lost to the higher {@code promised}. */
  record Reject(Ballot ballot, Ballot promised) implements Message {
    public Reject {
      Objects.requireNonNull(ballot, "ballot");
      Objects.requireNonNull(promised, "promised");
    }
  }

  /**
   * Phase 2a for a batch of positions, plus the writer's commit index: every position up to
   * {@code commitUpTo} is chosen. With {@code vote} false the writer does not need this acceptor's
   * vote (enough others were asked): the acceptor stores the slots without an fsync of their own
   * and does not answer; a later Accept of the same slots with {@code vote} true asks again.
   */
  record Accept(Ballot ballot, List<Slot> slots, long commitUpTo, boolean vote)
      implements Message {
    public Accept {
      Objects.requireNonNull(ballot, "ballot");
      slots = List.copyOf(slots);
    }

    /** An Accept that asks for a vote. */
    public Accept(Ballot ballot, List<Slot> slots, long commitUpTo) {
      this(ballot, slots, commitUpTo, true);
    }
  }

  /** Phase 2b: the acceptor persisted these positions under {@code ballot}. */
  record Accepted(Ballot ballot, List<Long> positions) implements Message {
    public Accepted {
      Objects.requireNonNull(ballot, "ballot");
      positions = List.copyOf(positions);
    }
  }

  /** Heartbeat from the writer: every position up to {@code upTo} is chosen. */
  record Commit(Ballot ballot, long upTo) implements Message {
    public Commit {
      Objects.requireNonNull(ballot, "ballot");
    }
  }

  /** Asks for learned slots in {@code [from, to]}. */
  record CatchupRequest(long from, long to) implements Message {}

  /** Learned slots starting at {@code max(from, begin)}, contiguous. */
  record CatchupResponse(long begin, long learnedUpTo, List<Slot> slots) implements Message {
    public CatchupResponse {
      slots = List.copyOf(slots);
    }
  }

  /** Asks a replica for its status (sent by replicas that are not VOTING). */
  record StatusRequest() implements Message {}

  /** A replica's status; {@code end} is the highest position it holds anything for. */
  record StatusResponse(Status status, long begin, long end, long learnedUpTo, Ballot promised)
      implements Message {
    public StatusResponse {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(promised, "promised");
    }
  }
}
