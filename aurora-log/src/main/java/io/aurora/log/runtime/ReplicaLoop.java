package io.aurora.log.runtime;

import io.aurora.log.ElectionFailedException;
import io.aurora.log.LogClosedException;
import io.aurora.log.LogException;
import io.aurora.log.LogOptions;
import io.aurora.log.LogTimeoutException;
import io.aurora.log.Position;
import io.aurora.log.QuorumMisconfiguredException;
import io.aurora.log.WriterFailedException;
import io.aurora.log.codec.MessageCodec;
import io.aurora.log.codec.RecordCodec;
import io.aurora.log.core.CoreConfig;
import io.aurora.log.core.Envelope;
import io.aurora.log.core.LogRecord;
import io.aurora.log.core.Message;
import io.aurora.log.core.Metadata;
import io.aurora.log.core.Outcome;
import io.aurora.log.core.Ready;
import io.aurora.log.core.ReplicaCore;
import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Status;
import io.aurora.log.core.Value;
import io.aurora.log.core.WriteRequest;
import io.aurora.log.core.quorum.Quorum;
import io.aurora.log.discovery.ReplicaGroup;
import io.aurora.log.storage.LogStorage;
import io.aurora.log.transport.PeerAddress;
import io.aurora.log.transport.Receiver;
import io.aurora.log.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one replica: the only place where the core, the storage, the transport and the replica group
 * meet.
 *
 * <p>Everything that touches the {@link ReplicaCore} runs on one thread, the {@code loop} executor.
 * Inputs queue up from any thread (peer messages from the transport's readers, appends from
 * callers) and one drain task feeds all queued inputs to the core, then applies the merged
 * {@link Ready}s in the order that keeps promises: write every record and fsync once (group commit:
 * one fsync however many messages and appends the drain took), then send replies, then publish what
 * was learned, then complete callers' futures. Requests, which promise nothing, go out before the
 * fsync so that the writer's fsync and its peers' overlap. Futures and followers are called on the
 * {@code delivery} executor so that a slow caller never stalls the loop.
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
  private final ConcurrentLinkedQueue<PendingWrite> writes = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  /** Held by whichever thread runs the core: the loop thread, or a transport reader (see run). */
  private final ReentrantLock coreLock = new ReentrantLock();
  private final List<Runnable> learnListeners = new CopyOnWriteArrayList<>();
  // Under coreLock only.
  private final Map<Long, PendingWrite> pending = new HashMap<>();
  private final Map<Long, CompletableFuture<Long>> elections = new HashMap<>();
  private long nextRequestId = 1;
  private ScheduledFuture<?> ticker;
  // Read from any thread.
  private volatile long writerGeneration = -1;
  private volatile long beginning;
  private volatile long ending;
  private volatile Status status;
  private volatile boolean closed;

  private record PendingWrite(long generation, Value value, CompletableFuture<Position> future,
      long startNanos) {}

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
    Set<ReplicaId> peers = options.peers().stream()
        .map(hp -> ReplicaId.of(PeerAddress.parse(hp.toString()).toString()))
        .collect(Collectors.toSet());
    long tick = options.tickInterval().toNanos();
    CoreConfig config = new CoreConfig(self, new Quorum(options.quorumSize()), peers,
        ticks(options.electionTimeout(), tick), ticks(options.writeTimeout(), tick),
        Math.max(2, ticks(Duration.ofMillis(200), tick)), 64);
    Optional<Metadata> meta = storage.metadata().map(RecordCodec::decodeMetadata);
    List<Slot> slots = new ArrayList<>();
    OptionalLong first = storage.firstPosition();
    if (first.isPresent()) {
      for (long p = first.getAsLong(); p <= storage.lastPosition().getAsLong(); p++) {
        storage.get(p).map(RecordCodec::decodeSlot).ifPresent(slots::add);
      }
    }
    this.core = new ReplicaCore(config, meta, slots, storage.truncationPoint(),
        UUID.randomUUID().toString());
    publishState();
    LOG.info("replica {} restored: {} begin={} learned={} slots={}", self, core.status(),
        core.begin(), core.learnedUpTo(), slots.size());
  }

  private static int ticks(Duration d, long tickNanos) {
    return (int) Math.max(1, (d.toNanos() + tickNanos - 1) / tickNanos);
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
      long id = nextRequestId++;
      elections.put(id, f);
      return List.of(core.elect(id));
    }));
    return f;
  }

  CompletableFuture<Position> write(long generation, Value value) {
    CompletableFuture<Position> f = new CompletableFuture<>();
    if (closed) {
      f.completeExceptionally(new LogClosedException("replica " + self + " is closed"));
      return f;
    }
    writes.add(new PendingWrite(generation, value, f, metrics.monotonicNanos()));
    kick();
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
      kick(); // a burst: the loop thread takes it all in one drain (one fsync)
    } else {
      drainHereOrKick();
    }
  }

  private void kick() {
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        loop.execute(() -> run(this::drain));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        drainScheduled.set(false); // closed
      }
    }
  }

  private interface Step {
    List<Ready> run();
  }

  /**
   * A message from a peer is handled on the transport thread that read it when the core is idle:
   * a lone message (an Accept at a follower, an Accepted at the writer) then costs no hand-off to
   * the loop thread and back, which is most of the latency of a lone append after the fsyncs.
   * When the core is busy or a drain is already scheduled, the loop thread takes the message with
   * the others queued (group commit). Either way the core runs under {@code coreLock}, one thread
   * at a time, and a message queued while another thread holds the lock was kicked to the loop.
   */
  private void drainHereOrKick() {
    if (!drainScheduled.get() && coreLock.tryLock()) {
      try {
        run(this::drain);
      } finally {
        coreLock.unlock();
      }
    } else {
      kick();
    }
  }

  private void run(Step step) {
    coreLock.lock();
    try {
      if (closed) {
        return;
      }
      apply(step.run());
    } catch (RuntimeException e) {
      // A broken invariant or a failed disk: the replica stops rather than risk a wrong vote.
      LOG.error("replica {} stops after an unrecoverable error", self, e);
      shutdown(new LogException("replica " + self + " stopped: " + e, e));
    } finally {
      coreLock.unlock();
    }
  }

  private List<Ready> drain() {
    drainScheduled.set(false);
    List<Ready> readies = new ArrayList<>();
    Envelope e;
    while ((e = inbox.poll()) != null) {
      readies.add(core.step(e));
    }
    List<WriteRequest> batch = new ArrayList<>();
    long batchBytes = 0;
    PendingWrite w;
    boolean writer = core.isWriter();
    while ((w = writes.poll()) != null) {
      if (!writer || w.generation() != writerGeneration) {
        fail(w.future(), new WriterFailedException("this writer is no longer elected"));
        continue;
      }
      long id = nextRequestId++;
      pending.put(id, w);
      batch.add(new WriteRequest(id, w.value()));
      batchBytes += w.value().data().length;
      if (batchBytes >= MAX_BATCH_BYTES) {
        // One Accept message per chunk so that each fits a frame; still one fsync for all.
        flush(batch, readies);
        batch = new ArrayList<>();
        batchBytes = 0;
      }
    }
    flush(batch, readies);
    return readies;
  }

  private void flush(List<WriteRequest> batch, List<Ready> readies) {
    if (!batch.isEmpty()) {
      metrics.batchSize.record(batch.size());
      readies.add(core.write(batch));
    }
  }

  private void apply(List<Ready> readies) {
    boolean sync = false;
    for (Ready r : readies) {
      for (LogRecord rec : r.toPersist()) {
        persist(rec);
      }
      sync |= r.sync();
    }
    // Requests (prepare, accept, commit, catch-up and status requests) state nothing about this
    // replica's disk, so they leave before the fsync and the peers' fsyncs overlap ours. Replies
    // (promises, votes, rejections, catch-up and status answers) leave only after it: a promise
    // or vote forgotten in a crash could let two values win one position.
    for (Ready r : readies) {
      for (Envelope env : r.toSend()) {
        if (isRequest(env.message())) {
          send(env);
        }
      }
    }
    // Records that only move the learned mark need no fsync of their own (see Ready): the next
    // fsync covers them, since storage keeps the order of writes.
    if (sync) {
      metrics.fsync.record(storage::sync);
    }
    for (Ready r : readies) {
      for (Envelope env : r.toSend()) {
        if (!isRequest(env.message())) {
          send(env);
        }
      }
    }
    boolean learned = readies.stream().anyMatch(r -> !r.learned().isEmpty())
        || core.begin() != beginning;
    publishState();
    if (learned) {
      for (Runnable l : learnListeners) {
        delivery.execute(l);
      }
    }
    for (Ready r : readies) {
      r.outcomes().forEach(this::complete);
    }
    if (!core.isWriter()) {
      writerGeneration = -1;
    }
  }

  private static boolean isRequest(Message m) {
    return m instanceof Message.Prepare || m instanceof Message.Accept
        || m instanceof Message.Commit || m instanceof Message.CatchupRequest
        || m instanceof Message.StatusRequest;
  }

  private void persist(LogRecord rec) {
    if (rec instanceof LogRecord.SlotWrite s) {
      storage.put(s.slot().position(), RecordCodec.encodeSlot(s.slot()));
    } else if (rec instanceof LogRecord.MetadataWrite m) {
      storage.putMetadata(RecordCodec.encodeMetadata(m.metadata()));
    } else if (rec instanceof LogRecord.TruncateBefore t) {
      storage.truncateBefore(t.position());
    }
  }

  private void send(Envelope env) {
    if (env.message() instanceof Message.CatchupRequest) {
      metrics.catchups.increment();
    }
    try {
      transport.send(PeerAddress.parse(env.to().value()), MessageCodec.encode(env.message()));
    } catch (RuntimeException e) {
      // Lost like any message: the protocol retries.
      LOG.warn("could not send {} to {}: {}", env.message().getClass().getSimpleName(), env.to(),
          e.toString());
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

  private void complete(Outcome o) {
    if (o instanceof Outcome.Written w) {
      PendingWrite p = pending.remove(w.requestId());
      if (p != null) {
        metrics.append.record(metrics.monotonicNanos() - p.startNanos(), TimeUnit.NANOSECONDS);
        metrics.appendBytes.increment(p.value().data().length);
        delivery.execute(() -> p.future().complete(Position.of(w.position())));
      }
    } else if (o instanceof Outcome.Elected e) {
      CompletableFuture<Long> f = elections.remove(e.requestId());
      writerGeneration = e.requestId();
      metrics.elections.increment();
      LOG.info("replica {} elected writer; log learned up to {}", self, e.position());
      if (f != null) {
        delivery.execute(() -> f.complete(e.requestId()));
      }
    } else if (o instanceof Outcome.Failed f) {
      LogException ex = toException(f);
      CompletableFuture<Long> election = elections.remove(f.requestId());
      if (election != null) {
        metrics.electionFailures.increment();
        fail(election, ex);
      }
      PendingWrite p = pending.remove(f.requestId());
      if (p != null) {
        metrics.writerFailures.increment();
        fail(p.future(), ex);
      }
    }
  }

  private LogException toException(Outcome.Failed f) {
    return switch (f.failure()) {
      case QUORUM_MISCONFIGURED ->
          new QuorumMisconfiguredException(options.quorumSize(), f.knownReplicas());
      case NOT_VOTING, ELECTION_FAILED -> new ElectionFailedException(f.message());
      case WRITER_FAILED -> new WriterFailedException(f.message());
      case TIMEOUT -> new LogTimeoutException(f.message());
    };
  }

  private <T> void fail(CompletableFuture<T> f, Throwable t) {
    delivery.execute(() -> f.completeExceptionally(t));
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
    pending.values().forEach(p -> fail(p.future(), cause));
    pending.clear();
    elections.values().forEach(f -> fail(f, cause));
    elections.clear();
    PendingWrite w;
    while ((w = writes.poll()) != null) {
      fail(w.future(), cause);
    }
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
        coreLock.lock();
        try {
          shutdown(new LogClosedException("replica " + self + " is closed"));
        } finally {
          coreLock.unlock();
        }
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
