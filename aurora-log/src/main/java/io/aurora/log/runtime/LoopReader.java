package io.aurora.log.runtime;

import static com.google.common.base.Preconditions.checkArgument;

import io.aurora.log.Entry;
import io.aurora.log.LogClosedException;
import io.aurora.log.LogException;
import io.aurora.log.Position;
import io.aurora.log.Reader;
import io.aurora.log.TruncatedPositionException;
import io.aurora.log.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads learned entries straight from the replica's storage; positions up to {@code ending} are
 * learned and fsynced before {@code ending} moves, and learned slots are never rewritten with a
 * different value.
 */
final class LoopReader implements Reader {
  private final ReplicaLoop loop;

  LoopReader(ReplicaLoop loop) {
    this.loop = loop;
  }

  @Override
  public Position beginning() {
    return Position.of(loop.beginning());
  }

  @Override
  public Position ending() {
    return Position.of(loop.ending());
  }

  @Override
  public List<Entry> read(Position from, Position to) throws LogException {
    checkArgument(from.value() <= to.value() + 1, "from %s is after to %s", from, to);
    if (loop.isClosed()) {
      throw new LogClosedException("log is closed");
    }
    if (to.value() > loop.ending()) {
      throw new LogException("position " + to + " is not learned here yet; learned up to "
          + loop.ending());
    }
    List<Entry> out = new ArrayList<>();
    for (long p = from.value(); p <= to.value(); p++) {
      Optional<Entry> e = entryAt(p);
      e.ifPresent(out::add);
    }
    return out;
  }

  /** The append at {@code p}, empty for a no-op or truncation. */
  private Optional<Entry> entryAt(long p) throws TruncatedPositionException {
    if (p < loop.beginning()) {
      throw truncated(p);
    }
    Optional<Value> v = loop.learnedValue(p);
    if (v.isEmpty()) {
      if (p < loop.beginning()) {
        throw truncated(p);
      }
      throw new IllegalStateException("learned position " + p + " has no stored value");
    }
    return v.get().kind() == Value.Kind.APPEND
        ? Optional.of(new Entry(Position.of(p), v.get().data())) : Optional.empty();
  }

  private TruncatedPositionException truncated(long p) {
    return new TruncatedPositionException(
        "position " + p + " was truncated; the log begins at " + loop.beginning());
  }

  @Override
  public Subscription follow(Position from, Consumer<Entry> listener,
      Consumer<LogException> onError) {
    Follower f = new Follower(from.value(), Objects.requireNonNull(listener),
        Objects.requireNonNull(onError));
    loop.onLearned(f);
    loop.deliver(f);
    return f::close;
  }

  /** Runs on the delivery thread only, so {@code next} needs no lock. */
  private final class Follower implements Runnable {
    private final Consumer<Entry> listener;
    private final Consumer<LogException> onError;
    private long next;
    private volatile boolean closed;

    Follower(long from, Consumer<Entry> listener, Consumer<LogException> onError) {
      this.next = from;
      this.listener = listener;
      this.onError = onError;
    }

    @Override
    public void run() {
      try {
        if (closed) {
          return;
        }
        if (loop.isClosed()) {
          throw new LogClosedException("log is closed");
        }
        long end = loop.ending();
        while (!closed && next <= end) {
          Optional<Entry> e = entryAt(next);
          next++;
          e.ifPresent(listener);
        }
      } catch (LogException e) {
        close();
        onError.accept(e);
      }
    }

    void close() {
      closed = true;
      loop.removeOnLearned(this);
    }
  }
}
