package io.aurora.log.runtime;

import io.aurora.log.LogClosedException;
import io.aurora.log.LogException;
import io.aurora.log.LogOptions;
import io.aurora.log.Position;
import io.aurora.log.codec.MessageCodec;
import io.aurora.log.codec.RecordCodec;
import io.aurora.log.core.Envelope;
import io.aurora.log.core.Message;
import io.aurora.log.core.Outcome;
import io.aurora.log.core.Ready;
import io.aurora.log.core.ReplicaCore;
import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Status;
import io.aurora.log.core.Value;
import io.aurora.log.core.WriteRequest;
import io.aurora.log.discovery.ReplicaGroup;
import io.aurora.log.runtime.PendingCalls.PendingWrite;
import io.aurora.log.storage.LogStorage;
import io.aurora.log.transport.PeerAddress;
import io.aurora.log.transport.Receiver;
import io.aurora.log.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one replica: the only place where the core, the storage, the transport and the replica group
 * meet.
 *
 * <p>Inputs queue up from any thread (peer messages from the transport's readers, appends from
 * callers) and a drain feeds all queued inputs to the core, one thread at a time: the {@code loop}
 * executor's, or the transport reader's for a lone message ({@link DrainScheduler}). The merged
 * {@link Ready}s are applied in the order that keeps promises ({@link ReadyApplier}: group commit,
 * one fsync however many messages and appends the drain took), then what was learned is published
 * and callers' futures are completed ({@link PendingCalls}). Futures and followers are called on
 * the {@code delivery} executor so that a slow caller never stalls the replica.
 *
 * <p>The loop owns the executors, storage, transport and group it is given, and closes them.
 */
public final class ReplicaLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaLoop.class);
  /** Entry bytes per Accept message; the transport's frames are 32 MiB at most. */
  private static final long MAX_BATCH_BYTES = 4L << 20;

  private final LogOptions options;
  private final LogStorage storage;
  private final Transport transport;
  private final ReplicaGroup group;
  private final ScheduledExecutorService loop;
  private final ScheduledExecutorService delivery;
  private final LogMetrics metrics;
  private final ReplicaCore core;
  private final ReplicaId self;
  private final ConcurrentLinkedQueue<Envelope> inbox = new ConcurrentLinkedQueue<>();
  private final ReadyApplier applier;
  private final PendingCalls calls;
  private final DrainScheduler drains;
  private final List<Runnable> learnListeners = new CopyOnWriteArrayList<>();
  private ScheduledFuture<?> ticker;
  // Read from any thread.
  private volatile long writerGeneration = -1;
  private volatile long beginning;
  private volatile long ending;
  private volatile Status status;
  private volatile boolean closed;

  /**
   * Restores the replica from {@code storage}; call {@link #start()} to join the others.
   *
   * @param loop a single-threaded executor that becomes the replica's thread
   * @param delivery a single-threaded executor for callbacks (futures, followers)
   */
  public ReplicaLoop(LogOptions options, LogStorage storage, Transport transport,
      ReplicaGroup group, ScheduledExecutorService loop, ScheduledExecutorService delivery,
      io.micrometer.core.instrument.MeterRegistry registry) {
    this.options = options;
    this.storage = storage;
    this.transport = transport;
    this.group = group;
    this.loop = loop;
    this.delivery = delivery;
    this.metrics = new LogMetrics(registry);
    this.self = ReplicaId.of(transport.localAddress().toString());
    this.applier = new ReadyApplier(storage, transport, metrics);
    this.calls = new PendingCalls(self, options, delivery, metrics);
    this.drains = new DrainScheduler(loop, () -> run(this::drain));
    this.core = CoreLoader.load(options, self, storage);
    publishState();
  }

  /** Starts receiving, watching the group and ticking. */
  public void start() {
    transport.start(new Receiver() {
      @Override
      public void onMessage(PeerAddress from, byte[] payload) {
        onMessage(from, payload, true);
      }

      @Override
      public void onMessage(PeerAddress from, byte[] payload, boolean moreBuffered) {
        receive(from, payload, moreBuffered);
      }
    });
    group.start(members -> loop.execute(() -> run(() -> List.of(core.membership(
        members.stream().map(a -> ReplicaId.of(a.toString())).collect(Collectors.toSet()))))));
    long tick = options.tickInterval().toNanos();
    ticker = loop.scheduleAtFixedRate(() -> run(() -> List.of(core.tick())), tick, tick,
        TimeUnit.NANOSECONDS);
  }

  public ReplicaId self() {
    return self;
  }

  // ---- used by LoopBackedLog, LoopWriter, LoopReader ----

  CompletableFuture<Long> elect() {
    CompletableFuture<Long> f = new CompletableFuture<>();
    if (closed) {
      f.completeExceptionally(new LogClosedException("replica " + self + " is closed"));
      return f;
    }
    loop.execute(() -> run(() -> {
      return List.of(core.elect(calls.addElection(f)));
    }));
    return f;
  }

  CompletableFuture<Position> write(long generation, Value value) {
    CompletableFuture<Position> f = new CompletableFuture<>();
    if (closed) {
      f.completeExceptionally(new LogClosedException("replica " + self + " is closed"));
      return f;
    }
    calls.queue(new PendingWrite(generation, value, f, metrics.monotonicNanos()));
    drains.kick();
    return f;
  }

  void resign(long generation) {
    loop.execute(() -> run(() -> {
      if (writerGeneration != generation) {
        return List.of();
      }
      writerGeneration = -1;
      return List.of(core.resign());
    }));
  }

  boolean isWriter(long generation) {
    return !closed && writerGeneration == generation;
  }

  long beginning() {
    return beginning;
  }

  long ending() {
    return ending;
  }

  Status status() {
    return status;
  }

  boolean isClosed() {
    return closed;
  }

  /** The value stored at a learned position, if it was not truncated meanwhile. */
  Optional<Value> learnedValue(long position) {
    return storage.get(position).map(RecordCodec::decodeSlot).map(Slot::value);
  }

  /** Runs {@code r} on the delivery executor after every change to what is learned. */
  void onLearned(Runnable r) {
    learnListeners.add(r);
  }

  void removeOnLearned(Runnable r) {
    learnListeners.remove(r);
  }

  void deliver(Runnable r) {
    delivery.execute(r);
  }

  ScheduledExecutorService scheduler() {
    return loop;
  }

  LogOptions options() {
    return options;
  }

  // ---- the loop ----

  private void receive(PeerAddress from, byte[] payload, boolean moreBuffered) {
    Message m;
    try {
      m = MessageCodec.decode(payload);
    } catch (IllegalArgumentException e) {
      LOG.warn("dropping a malformed message from {}: {}", from, e.getMessage());
      return;
    }
    inbox.add(new Envelope(ReplicaId.of(from.toString()), self, m));
    if (moreBuffered) {
      drains.kick(); // a burst: the loop thread takes it all in one drain (one fsync)
    } else {
      drains.drainHereOrKick();
    }
  }

  private interface Step {
    List<Ready> run();
  }

  /** Runs a step of the core and applies what it asks for, under the core's lock. */
  private void run(Step step) {
    drains.locked(() -> {
      if (closed) {
        return;
      }
      try {
        apply(step.run());
      } catch (RuntimeException e) {
        // A broken invariant or a failed disk: the replica stops rather than risk a wrong vote.
        LOG.error("replica {} stops after an unrecoverable error", self, e);
        shutdown(new LogException("replica " + self + " stopped: " + e, e));
      }
    });
  }

  private List<Ready> drain() {
    drains.drainStarted();
    List<Ready> readies = new ArrayList<>();
    Envelope e;
    while ((e = inbox.poll()) != null) {
      readies.add(core.step(e));
    }
    // One Accept message per batch so that each fits a frame; still one fsync for all.
    for (List<WriteRequest> batch
        : calls.takeQueued(core.isWriter(), writerGeneration, MAX_BATCH_BYTES)) {
      metrics.batchSize.record(batch.size());
      readies.add(core.write(batch));
    }
    return readies;
  }

  private void apply(List<Ready> readies) {
    applier.apply(readies);
    boolean learned = readies.stream().anyMatch(r -> !r.learned().isEmpty())
        || core.begin() != beginning;
    publishState();
    if (learned) {
      for (Runnable l : learnListeners) {
        delivery.execute(l);
      }
    }
    for (Ready r : readies) {
      for (Outcome o : r.outcomes()) {
        if (o instanceof Outcome.Elected e) {
          writerGeneration = e.requestId();
        }
        calls.complete(o);
      }
    }
    if (!core.isWriter()) {
      writerGeneration = -1;
    }
  }

  private void publishState() {
    beginning = core.begin();
    ending = core.learnedUpTo();
    if (status != core.status()) {
      LOG.info("replica {} is {} (learned up to {})", self, core.status(), core.learnedUpTo());
    }
    status = core.status();
    metrics.status(status, ending);
  }

  private void shutdown(LogException cause) {
    if (closed) {
      return;
    }
    closed = true;
    writerGeneration = -1;
    if (ticker != null) {
      ticker.cancel(false);
    }
    calls.failAll(cause);
    for (Runnable l : learnListeners) {
      delivery.execute(l); // followers notice the close
    }
  }

  /** Stops the replica: pending appends fail with {@link LogClosedException}. */
  @Override
  public void close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      loop.execute(() -> {
        drains.locked(() -> shutdown(new LogClosedException("replica " + self + " is closed")));
        done.complete(null);
      });
      done.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("replica {} did not stop cleanly", self, e);
    }
    group.close();
    transport.close();
    loop.shutdown();
    try {
      loop.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storage.close();
    delivery.shutdown();
  }
}
