package io.aurora.log.core.quorum;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A Paxos proposal number. Ballots are totally ordered by round, then by proposer; the proposer
 * names a replica and its incarnation (a fresh one per data directory), so two proposers, or the
 * same replica before and after losing its disk, never use the same ballot.
 */
public record Ballot(long round, String proposer) implements Comparable<Ballot> {
  /** Lower than every ballot a proposer uses; what a fresh replica has promised. */
  public static final Ballot ZERO = new Ballot(0, "");

  public Ballot {
    checkArgument(round >= 0, "round must be >= 0: %s", round);
    Objects.requireNonNull(proposer, "proposer");
  }

  /** The smallest ballot of {@code proposer} that is higher than {@code this}. */
  public Ballot next(String proposer) {
    return new Ballot(round + 1, proposer);
  }

  public boolean isHigherThan(Ballot other) {
    return compareTo(other) > 0;
  }

  public static Ballot max(Ballot a, Ballot b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public int compareTo(Ballot o) {
    int c = Long.compare(round, o.round);
    return c != 0 ? c : proposer.compareTo(o.proposer);
  }

  @Override
  public String toString() {
    return round + "/" + proposer;
  }
}
