package io.aurora.log.runtime;

import static com.google.common.base.Preconditions.checkArgument;

import io.aurora.log.Entry;
import io.aurora.log.LogClosedException;
import io.aurora.log.LogException;
import io.aurora.log.Position;
import io.aurora.log.Reader;
import io.aurora.log.TruncatedPositionException;
import io.aurora.log.core.Value;
import io.aurora.log.follow.Follower;
import java.util.ArrayList;
import java.util.List;
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
    Follower f = new Follower(from.value(), new Follower.Source() {
      @Override
      public long ending() throws LogException {
        if (loop.isClosed()) {
          throw new LogClosedException("log is closed");
        }
        return loop.ending();
      }

      @Override
      public Optional<Entry> entryAt(long position) throws LogException {
        return LoopReader.this.entryAt(position);
      }
    }, listener, onError, loop::removeOnLearned);
    // Runs on the delivery thread only, after every change to what is learned.
    loop.onLearned(f);
    loop.deliver(f);
    return f;
  }
}
