package io.aurora.log.runtime;

import io.aurora.log.codec.MessageCodec;
import io.aurora.log.codec.RecordCodec;
import io.aurora.log.core.Envelope;
import io.aurora.log.core.EvictedSlots;
import io.aurora.log.core.LogRecord;
import io.aurora.log.core.Message;
import io.aurora.log.core.Ready;
import io.aurora.log.storage.LogStorage;
import io.aurora.log.transport.PeerAddress;
import io.aurora.log.transport.Transport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the disk and network part of the core's {@link Ready}s, in the order that keeps
 * promises: write every record, send the requests, fsync once if any Ready asks for it (group
 * commit: one fsync however many Readies), then send the replies.
 *
 * <p>Requests (prepare, accept, commit, catch-up and status requests) state nothing about this
 * replica's disk, so they leave before the fsync and the peers' fsyncs overlap ours. Replies
 * (promises, votes, rejections, catch-up and status answers) leave only after it: a promise or vote
 * forgotten in a crash could let two values win one position. Records that only move the learned
 * mark need no fsync of their own (see {@link Ready}): the next fsync covers them, since storage
 * keeps the order of writes.
 *
 * <p>A catch-up response may name learned values the core evicted from memory; they are read back
 * from storage just before the message is encoded ({@link EvictedSlots}). Every record of these
 * Readies is written by then, so storage holds every value the core learned.
 */
final class ReadyApplier {
  private static final Logger LOG = LoggerFactory.getLogger(ReadyApplier.class);

  private final LogStorage storage;
  private final Transport transport;
  private final LogMetrics metrics;

  ReadyApplier(LogStorage storage, Transport transport, LogMetrics metrics) {
    this.storage = storage;
    this.transport = transport;
    this.metrics = metrics;
  }

  /** Persists, sends and fsyncs for {@code readies}; a storage failure escapes. */
  void apply(List<Ready> readies) {
    boolean sync = false;
    for (Ready r : readies) {
      for (LogRecord rec : r.toPersist()) {
        persist(rec);
      }
      sync |= r.sync();
    }
    for (Ready r : readies) {
      for (Envelope env : r.toSend()) {
        if (isRequest(env.message())) {
          send(env);
        }
      }
    }
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
      Message m = EvictedSlots.fill(env.message(),
          position -> storage.get(position).map(RecordCodec::decodeSlot));
      transport.send(PeerAddress.parse(env.to().value()), MessageCodec.encode(m));
    } catch (RuntimeException e) {
      // Lost like any message: the protocol retries.
      LOG.warn("could not send {} to {}: {}", env.message().getClass().getSimpleName(), env.to(),
          e.toString());
    }
  }
}
