package io.aurora.log;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.util.concurrent.MoreExecutors;
import io.aurora.log.follow.Follower;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A single-process, non-durable {@link ReplicatedLog}: every append is learned at once. For tests and
 * for embedding where durability is not needed; it follows the same contract as the replicated log
 * (one active writer, demoted writers fail, truncation, follow), so code written against it works
 * unchanged against the real one.
 */
public final class InMemoryLog implements ReplicatedLog {
  private final Object lock = new Object();
  /** Learned appends by position; no-ops and truncations only take a position. */
  private final TreeMap<Long, byte[]> appends = new TreeMap<>();
  /** Each subscription and the sequential executor it runs on, once after every change. */
  private final Map<Follower, Executor> followers = new ConcurrentHashMap<>();
  private final Executor deliveryExecutor;
  private long beginning = 1;
  private long ending = 0;
  private MemoryWriter activeWriter;
  private boolean closed;

  /** Delivers followed entries on the thread that appended them, in order. */
  public InMemoryLog() {
    this(MoreExecutors.directExecutor());
  }

  /** Delivers followed entries through {@code deliveryExecutor}, in order per subscription. */
  public InMemoryLog(Executor deliveryExecutor) {
    this.deliveryExecutor = Objects.requireNonNull(deliveryExecutor);
  }

  @Override
  public Writer elect() throws LogException {
    synchronized (lock) {
      checkOpen();
      if (activeWriter != null) {
        activeWriter.active = false;
      }
      activeWriter = new MemoryWriter();
      return activeWriter;
    }
  }

  @Override
  public Reader reader() {
    return new MemoryReader();
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (activeWriter != null) {
        activeWriter.active = false;
      }
    }
    followers.clear();
  }

  private void checkOpen() throws LogClosedException {
    if (closed) {
      throw new LogClosedException("log is closed");
    }
  }

  private final class MemoryWriter implements Writer {
    private volatile boolean active = true;

    @Override
    public CompletableFuture<Position> append(byte[] data) {
      Objects.requireNonNull(data, "data");
      Position at;
      synchronized (lock) {
        LogException failure = failure();
        if (failure != null) {
          return CompletableFuture.failedFuture(failure);
        }
        ending++;
        appends.put(ending, data.clone());
        at = Position.of(ending);
        // Under the lock, so that a direct executor delivers in order.
        followers.forEach((f, sequential) -> sequential.execute(f));
      }
      return CompletableFuture.completedFuture(at);
    }

    @Override
    public CompletableFuture<Position> truncate(Position before) {
      Position at;
      synchronized (lock) {
        LogException failure = failure();
        if (failure != null) {
          return CompletableFuture.failedFuture(failure);
        }
        ending++;
        at = Position.of(ending);
        // A truncation never moves the beginning past itself: the log keeps its own end.
        beginning = Math.max(beginning, Math.min(before.value(), ending));
        appends.headMap(beginning).clear();
        followers.forEach((f, sequential) -> sequential.execute(f));
      }
      return CompletableFuture.completedFuture(at);
    }

    private LogException failure() {
      if (closed) {
        return new LogClosedException("log is closed");
      }
      return active ? null : new WriterFailedException("writer was demoted: another was elected");
    }

    @Override
    public boolean isActive() {
      return active && !closed;
    }

    @Override
    public void close() {
      active = false;
    }
  }

  private final class MemoryReader implements Reader {
    @Override
    public Position beginning() {
      synchronized (lock) {
        return Position.of(beginning);
      }
    }

    @Override
    public Position ending() {
      synchronized (lock) {
        return Position.of(ending);
      }
    }

    @Override
    public List<Entry> read(Position from, Position to) throws LogException {
      checkArgument(from.compareTo(to) <= 0 || to.value() == from.value() - 1,
          "from %s is after to %s", from, to);
      synchronized (lock) {
        checkOpen();
        if (from.value() < beginning) {
          throw new TruncatedPositionException(
              "position " + from + " was truncated; the log begins at " + beginning);
        }
        if (to.value() > ending) {
          throw new LogException("position " + to + " is not learned yet; the log ends at " + ending);
        }
        List<Entry> out = new ArrayList<>();
        if (to.value() < from.value()) {
          return out;
        }
        appends.subMap(from.value(), true, to.value(), true)
            .forEach((p, d) -> out.add(new Entry(Position.of(p), d)));
        return out;
      }
    }

    @Override
    public Subscription follow(Position from, Consumer<Entry> listener,
        Consumer<LogException> onError) {
      Follower follower = new Follower(from.value(), new Follower.Source() {
        @Override
        public long ending() {
          synchronized (lock) {
            return ending;
          }
        }

        @Override
        public Optional<Entry> entryAt(long position) throws LogException {
          synchronized (lock) {
            if (position < beginning) {
              throw new TruncatedPositionException(
                  "position " + position + " was truncated; the log begins at " + beginning);
            }
            return Optional.ofNullable(appends.get(position))
                .map(d -> new Entry(Position.of(position), d));
          }
        }
      }, listener, onError, followers::remove);
      Executor sequential = MoreExecutors.newSequentialExecutor(deliveryExecutor);
      synchronized (lock) {
        followers.put(follower, sequential);
        sequential.execute(follower);
      }
      return follower;
    }
  }
}
