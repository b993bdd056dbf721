package io.aurora.log.runtime;

import io.aurora.log.ElectionFailedException;
import io.aurora.log.LogException;
import io.aurora.log.LogOptions;
import io.aurora.log.LogTimeoutException;
import io.aurora.log.Position;
import io.aurora.log.QuorumMisconfiguredException;
import io.aurora.log.WriterFailedException;
import io.aurora.log.core.Outcome;
import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Value;
import io.aurora.log.core.WriteRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callers' elections and writes from the moment they arrive until the core answers them: writes
 * queued from any thread ({@link #queue}), taken in batches for the core, then held by request id
 * until an {@link Outcome} completes their futures. Futures are completed on the {@code delivery}
 * executor, so that a caller's callback never runs on (or stalls) the replica's thread. Everything
 * but {@link #queue} runs under the replica's core lock.
 */
final class PendingCalls {
  private static final Logger LOG = LoggerFactory.getLogger(PendingCalls.class);

  /** An append or truncation accepted from a caller and not yet answered. */
  record PendingWrite(long generation, Value value, CompletableFuture<Position> future,
      long startNanos) {}

  private final ReplicaId self;
  private final LogOptions options;
  private final Executor delivery;
  private final LogMetrics metrics;
  private final ConcurrentLinkedQueue<PendingWrite> queued = new ConcurrentLinkedQueue<>();
  private final Map<Long, PendingWrite> writes = new HashMap<>();
  private final Map<Long, CompletableFuture<Long>> elections = new HashMap<>();
  private long nextRequestId = 1;

  PendingCalls(ReplicaId self, LogOptions options, Executor delivery, LogMetrics metrics) {
    this.self = self;
    this.options = options;
    this.delivery = delivery;
    this.metrics = metrics;
  }

  /** Queues a write from any thread; the next drain takes it. */
  void queue(PendingWrite w) {
    queued.add(w);
  }

  /** Holds {@code f} under a new request id, which it returns. */
  long addElection(CompletableFuture<Long> f) {
    long id = nextRequestId++;
    elections.put(id, f);
    return id;
  }

  /**
   * Takes every queued write of writer {@code generation} as requests for the core, in batches of
   * about {@code maxBatchBytes} (one Accept message each); fails the writes of any other generation,
   * or all of them if this replica is not the writer.
   */
  List<List<WriteRequest>> takeQueued(boolean writer, long generation, long maxBatchBytes) {
    List<List<WriteRequest>> batches = new ArrayList<>();
    List<WriteRequest> batch = new ArrayList<>();
    long batchBytes = 0;
    PendingWrite w;
    while ((w = queued.poll()) != null) {
      if (!writer || w.generation() != generation) {
        fail(w.future(), new WriterFailedException("this writer is no longer elected"));
        continue;
      }
      long id = nextRequestId++;
      writes.put(id, w);
      batch.add(new WriteRequest(id, w.value()));
      batchBytes += w.value().data().length;
      if (batchBytes >= maxBatchBytes) {
        batches.add(batch);
        batch = new ArrayList<>();
        batchBytes = 0;
      }
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  /** Completes the future {@code o} answers, if it is still pending. */
  void complete(Outcome o) {
    if (o instanceof Outcome.Written w) {
      PendingWrite p = writes.remove(w.requestId());
      if (p != null) {
        metrics.append.record(metrics.monotonicNanos() - p.startNanos(), TimeUnit.NANOSECONDS);
        metrics.appendBytes.increment(p.value().data().length);
        delivery.execute(() -> p.future().complete(Position.of(w.position())));
      }
    } else if (o instanceof Outcome.Elected e) {
      CompletableFuture<Long> f = elections.remove(e.requestId());
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
      PendingWrite p = writes.remove(f.requestId());
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

  /** Fails every pending call with {@code cause} (the replica stops). */
  void failAll(LogException cause) {
    writes.values().forEach(p -> fail(p.future(), cause));
    writes.clear();
    elections.values().forEach(f -> fail(f, cause));
    elections.clear();
    PendingWrite w;
    while ((w = queued.poll()) != null) {
      fail(w.future(), cause);
    }
  }

  /** Fails {@code f} on the delivery executor. */
  <T> void fail(CompletableFuture<T> f, Throwable t) {
    delivery.execute(() -> f.completeExceptionally(t));
  }
}
