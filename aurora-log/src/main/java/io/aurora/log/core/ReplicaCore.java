package io.aurora.log.core;

import io.aurora.log.core.Message.Accept;
import io.aurora.log.core.Message.Accepted;
import io.aurora.log.core.Message.CatchupRequest;
import io.aurora.log.core.Message.CatchupResponse;
import io.aurora.log.core.Message.Commit;
import io.aurora.log.core.Message.Prepare;
import io.aurora.log.core.Message.Promise;
import io.aurora.log.core.Message.Reject;
import io.aurora.log.core.Message.StatusRequest;
import io.aurora.log.core.Message.StatusResponse;
import io.aurora.log.core.Outcome.Failure;
import io.aurora.log.core.quorum.Ballot;
import io.aurora.log.core.quorum.Quorum;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deterministic Multi-Paxos replica: acceptor ({@link Acceptor}), learner ({@link Learner}) and,
 * when elected, proposer ({@link Proposer}) of one log, with the status rules of
 * {@link Recovery}: a replica without a directory does not vote until it has recovered the log
 * from a quorum.
 *
 * <p>Every input ({@link #step}, {@link #tick}, {@link #elect}, {@link #write}) returns a
 * {@link Ready}. Messages this replica sends to itself are handled within the same call, so a
 * writer's own vote rides the same persist batch as its proposal. The runtime must persist and
 * (when the Ready says so) fsync {@code Ready.toPersist} before it sends a reply: replies here
 * promise state that must survive a crash.
 */
public final class ReplicaCore {
  private final CoreConfig config;
  private final TreeMap<Long, Slot> slots = new TreeMap<>();
  private final TreeSet<ReplicaId> members = new TreeSet<>();
  private final Acceptor acceptor = new Acceptor(this);
  private final Learner learner = new Learner(this);
  private final Recovery recovery = new Recovery(this);
  private final CoreOutput out;
  private ReplicaMetadata meta;
  private Proposer proposer;
  private Ballot highestSeen = Ballot.ZERO;
  private long now;
  private boolean metaDirty;

  /** Restores a replica whose storage was never truncated; see the main constructor. */
  public ReplicaCore(CoreConfig config, Optional<ReplicaMetadata> stored, Iterable<Slot> storedSlots,
      String freshIncarnation) {
    this(config, stored, storedSlots, 0, freshIncarnation);
  }

  /**
   * Restores a replica from what its storage holds ({@code stored} empty for a new or lost
   * directory, in which case {@code freshIncarnation} names the new one).
   *
   * @param truncationPoint every position below it is gone from storage; a truncation can be
   *     durable while the metadata written after it in the same batch was lost in a crash
   * @throws IllegalStateException if a learned position has no stored value (corrupt storage)
   */
  public ReplicaCore(CoreConfig config, Optional<ReplicaMetadata> stored, Iterable<Slot> storedSlots,
      long truncationPoint, String freshIncarnation) {
    this.config = config;
    ReplicaMetadata m = stored.orElseGet(() -> ReplicaMetadata.empty(freshIncarnation));
    if (stored.isPresent() && truncationPoint > m.begin()) {
      // Positions below a durable truncation were learned (a truncation is applied once learned).
      m = m.withLearned(truncationPoint, Math.max(m.learnedUpTo(), truncationPoint - 1));
    }
    this.meta = m;
    Ballot promised = meta.promised();
    long keepFrom = inMemoryFrom(meta, config);
    // Learned positions held in storage, relative to begin; the old ones are not kept in memory.
    BitSet learnedStored = new BitSet();
    for (Slot s : storedSlots) {
      long p = s.position();
      if (p >= meta.begin()) {
        if (p <= meta.learnedUpTo()) {
          learnedStored.set(Math.toIntExact(p - meta.begin()));
        }
        if (p >= keepFrom) {
          slots.put(p, s);
        }
        // An accept implies a promise; the metadata raising it may have been torn off.
        promised = Ballot.max(promised, s.ballot());
      }
    }
    meta = meta.withPromised(promised);
    int learned = Math.toIntExact(Math.max(0, meta.learnedUpTo() - meta.begin() + 1));
    int missing = learnedStored.nextClearBit(0);
    if (missing < learned) {
      throw new IllegalStateException("storage of " + config.self() + " has learned position "
          + (meta.begin() + missing) + " (begin " + meta.begin() + ", learned up to "
          + meta.learnedUpTo() + ") without a value");
    }
    members.add(config.self());
    members.addAll(config.replicas());
    highestSeen = promised;
    out = new CoreOutput(config.self(), meta);
  }

  // ---- inputs ----

  /** Handles a message from a peer. */
  public Ready step(Envelope in) {
    if (!in.to().equals(config.self())) {
      throw new IllegalArgumentException("message for " + in.to() + " delivered to " + self());
    }
    dispatch(in.from(), in.message());
    return finish();
  }

  /** Advances logical time by one tick: retries, heartbeats, timeouts, recovery. */
  public Ready tick() {
    now++;
    out.syncLazyWrites(); // slots stored without a vote become durable within a tick
    if (proposer != null) {
      proposer.tick(now);
    }
    recovery.tick();
    learner.maybeCatchUp(false);
    return finish();
  }

  /** Starts an election of this replica's writer; answered by Elected or Failed. */
  public Ready elect(long requestId) {
    int known = knownReplicas();
    Optional<Integer> right = quorum().misconfiguredFor(known);
    if (right.isPresent()) {
      outcome(new Outcome.Failed(requestId, Failure.QUORUM_MISCONFIGURED,
          "quorum " + quorum().size() + " is not a majority of " + known
              + " known replicas; set -native_log_quorum_size=" + right.get(), known));
      return finish();
    }
    if (meta.status() != Status.VOTING) {
      outcome(new Outcome.Failed(requestId, Failure.NOT_VOTING,
          "replica " + self() + " is " + meta.status() + ", not VOTING", knownReplicas()));
      return finish();
    }
    if (proposer != null) {
      demote(Failure.WRITER_FAILED, "superseded by a new election on this replica");
    }
    Ballot ballot = Ballot.max(meta.promised(), highestSeen)
        .next(self().value() + "#" + meta.incarnation());
    proposer = new Proposer(this, ballot, requestId, now);
    proposer.start();
    return finish();
  }

  /** Appends or truncates through the elected writer; each request gets Written or Failed. */
  public Ready write(List<WriteRequest> writes) {
    if (proposer == null || !proposer.isLeading()) {
      for (WriteRequest w : writes) {
        outcome(new Outcome.Failed(w.requestId(), Failure.WRITER_FAILED,
            "replica " + self() + " is not the elected writer", knownReplicas()));
      }
    } else if (!writes.isEmpty()) {
      proposer.write(writes);
    }
    return finish();
  }

  /** Gives up writing: pending writes fail. */
  public Ready resign() {
    if (proposer != null) {
      demote(Failure.WRITER_FAILED, "the writer was closed");
    }
    return finish();
  }

  /** The replica group changed (discovery); the guard counts the larger of this and the voters. */
  public Ready membership(Set<ReplicaId> group) {
    members.clear();
    members.add(self());
    members.addAll(group);
    return finish();
  }

  // ---- queries ----

  public ReplicaId self() {
    return config.self();
  }

  public Status status() {
    return meta.status();
  }

  public ReplicaMetadata metadata() {
    return meta;
  }

  public long begin() {
    return meta.begin();
  }

  public long learnedUpTo() {
    return meta.learnedUpTo();
  }

  /** True once this replica's writer is elected and has not been demoted. */
  public boolean isWriter() {
    return proposer != null && proposer.isElected();
  }

  /**
   * The learned value at {@code position}, if it is learned here, not truncated and still in
   * memory: only positions from {@link #learnedInMemoryFrom()} on are; the runtime reads older
   * ones from storage.
   */
  public Optional<Value> learnedValue(long position) {
    if (position < learnedInMemoryFrom() || position > meta.learnedUpTo()) {
      return Optional.empty();
    }
    return Optional.ofNullable(slots.get(position)).map(Slot::value);
  }

  /**
   * The first learned position whose value is in memory: the latest
   * {@link CoreConfig#learnedValuesInMemory()} learned positions keep their values, older ones
   * (from {@link #begin()} on) are only in storage.
   */
  public long learnedInMemoryFrom() {
    return inMemoryFrom(meta, config);
  }

  private static long inMemoryFrom(ReplicaMetadata m, CoreConfig c) {
    return Math.max(m.begin(), m.learnedUpTo() - c.learnedValuesInMemory() + 1);
  }

  /** Drops from memory the learned values older than the latest few (storage keeps them). */
  void evictLearnedValues() {
    long from = learnedInMemoryFrom();
    while (!slots.isEmpty() && slots.firstKey() < from) {
      slots.pollFirstEntry();
    }
  }

  /** The number of replicas the quorum guard knows of: max(group size, replicas seen voting). */
  public int knownReplicas() {
    return Math.max(members.size(), meta.voters().size());
  }

  // ---- internals shared with Proposer ----

  CoreConfig config() {
    return config;
  }

  Quorum quorum() {
    return config.quorum();
  }

  long now() {
    return now;
  }

  Set<ReplicaId> members() {
    return members;
  }

  void send(ReplicaId to, Message m) {
    out.send(to, m);
  }

  void outcome(Outcome o) {
    out.outcome(o);
  }

  void persist(LogRecord r) {
    out.persist(r);
  }

  void persistLazily(LogRecord r) {
    out.persistLazily(r);
  }

  void syncLazyWrites() {
    out.syncLazyWrites();
  }

  TreeMap<Long, Slot> slots() {
    return slots;
  }

  Learner learner() {
    return learner;
  }

  void learned(Learned l) {
    out.learned(l);
  }

  /** Tells the writer, if any, that the learned prefix grew. */
  void onLearned() {
    if (proposer != null) {
      proposer.onLearned();
    }
  }

  Recovery recovery() {
    return recovery;
  }

  /** Remembers that some replica promised {@code b} (a later election must exceed it). */
  void noteBallot(Ballot b) {
    highestSeen = Ballot.max(highestSeen, b);
  }

  void demote(Failure failure, String message) {
    Proposer p = proposer;
    proposer = null;
    if (p != null) {
      p.failAll(failure, message);
    }
  }

  void noteVoters(ReplicaId voter, Set<ReplicaId> voters) {
    ReplicaMetadata m = meta.withVoter(voter);
    for (ReplicaId v : voters) {
      m = m.withVoter(v);
    }
    setMeta(m);
  }

  private void dispatch(ReplicaId from, Message m) {
    if (m instanceof Prepare p) {
      acceptor.onPrepare(from, p);
    } else if (m instanceof Accept a) {
      acceptor.onAccept(from, a);
    } else if (m instanceof Promise p) {
      if (proposer != null) {
        proposer.onPromise(from, p);
      }
    } else if (m instanceof Accepted a) {
      if (proposer != null) {
        noteVoters(from, Set.of());
        proposer.onAccepted(from, a);
      }
    } else if (m instanceof Reject r) {
      highestSeen = Ballot.max(highestSeen, r.promised());
      if (proposer != null) {
        proposer.onReject(from, r);
      }
    } else if (m instanceof Commit c) {
      learner.learnFrom(c.ballot(), c.upTo(), from);
    } else if (m instanceof CatchupRequest c) {
      learner.onCatchupRequest(from, c);
    } else if (m instanceof CatchupResponse c) {
      learner.onCatchupResponse(from, c);
    } else if (m instanceof StatusRequest) {
      recovery.onRequest(from);
    } else if (m instanceof StatusResponse s) {
      recovery.onResponse(from, s);
    } else {
      throw new IllegalStateException("unknown message " + m);
    }
  }

  /** Promises {@code b} (never lower); a writer of a lower ballot here is demoted. */
  void promise(Ballot b) {
    setMeta(meta.withPromised(b));
    highestSeen = Ballot.max(highestSeen, b);
    if (proposer != null && b.isHigherThan(proposer.ballot)) {
      demote(Failure.WRITER_FAILED, "another writer was elected with ballot " + b);
    }
  }

  // ---- output ----

  void setMeta(ReplicaMetadata m) {
    if (!m.equals(meta)) {
      meta = m;
      metaDirty = true;
    }
  }

  private Ready finish() {
    Message m;
    while ((m = out.pollLocal()) != null) {
      dispatch(self(), m);
    }
    boolean changed = metaDirty;
    metaDirty = false;
    return out.finish(meta, changed);
  }
}
