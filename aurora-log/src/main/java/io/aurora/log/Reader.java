package io.aurora.log;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the entries the local replica has learned (chosen by a quorum and known here). A follower's
 * reader lags the writer by the time it takes the replica to learn; {@link #follow} is how a hot
 * standby keeps up.
 */
public interface Reader {
  /** The first position not truncated away (1 for a log never truncated). */
  Position beginning();

  /**
   * The last position learned here, every position up to it included; {@link Position#NONE} if
   * nothing was learned yet.
   */
  Position ending();

  /**
   * Entries appended at positions in {@code [from, to]} (both inclusive), in order; positions that
   * hold no-ops or truncations are skipped, so the list may be shorter than the range.
   *
   * @throws TruncatedPositionException if {@code from} is before {@link #beginning()}
   * @throws LogException if {@code to} is after {@link #ending()} (not learned here yet)
   */
  List<Entry> read(Position from, Position to) throws LogException;

  /**
   * Calls {@code listener} with every appended entry at or after {@code from}, in order, first those
   * already learned and then each new one as it is learned, on a single thread owned by the log. The
   * listener must not block for long. If {@code from} is truncated away before it is delivered, the
   * subscription ends and {@code onError} receives a {@link TruncatedPositionException}.
   */
  Subscription follow(Position from, Consumer<Entry> listener, Consumer<LogException> onError);

  /** Ends a {@link #follow}. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
