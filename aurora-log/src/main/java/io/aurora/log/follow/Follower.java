package io.aurora.log.follow;

import io.aurora.log.Entry;
import io.aurora.log.LogException;
import io.aurora.log.Reader;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One subscription of {@link Reader#follow}: each {@link #run()} delivers, in position order, every
 * entry from the next undelivered position up to the log's current end, each exactly once. The log
 * runs it after every change to what is learned, one run at a time (on a single thread or a
 * sequential executor), so {@code next} needs no lock. A failure to read (a truncated position, a
 * closed log) ends the subscription and goes to {@code onError}, once.
 */
public final class Follower implements Runnable, Reader.Subscription {
  /** What a follower reads from. */
  public interface Source {
    /**
     * The last learned position.
     *
     * @throws LogException if the log can no longer be read (closed)
     */
    long ending() throws LogException;

    /**
     * The append learned at {@code position}, empty for a no-op or a truncation.
     *
     * @throws io.aurora.log.TruncatedPositionException if {@code position} was truncated
     */
    Optional<Entry> entryAt(long position) throws LogException;
  }

  private final Source source;
  private final Consumer<Entry> listener;
  private final Consumer<LogException> onError;
  private final Consumer<Follower> onClose;
  private long next;
  private volatile boolean closed;

  /**
   * @param from the first position to deliver
   * @param onClose called with this follower when the subscription ends, to stop running it
   */
  public Follower(long from, Source source, Consumer<Entry> listener,
      Consumer<LogException> onError, Consumer<Follower> onClose) {
    this.next = from;
    this.source = Objects.requireNonNull(source);
    this.listener = Objects.requireNonNull(listener);
    this.onError = Objects.requireNonNull(onError);
    this.onClose = Objects.requireNonNull(onClose);
  }

  @Override
  public void run() {
    try {
      if (closed) {
        return;
      }
      long end = source.ending();
      while (!closed && next <= end) {
        Optional<Entry> e = source.entryAt(next);
        next++;
        e.ifPresent(listener);
      }
    } catch (LogException e) {
      if (!closed) {
        close();
        onError.accept(e);
      }
    }
  }

  /** Ends the subscription: no entry is delivered after a run in progress returns. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.accept(this);
    }
  }
}
