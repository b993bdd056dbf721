package io.aurora.log.core;

import io.aurora.log.core.LogRecord.MetadataWrite;
import io.aurora.log.core.LogRecord.SlotWrite;
import io.aurora.log.core.LogRecord.TruncateBefore;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deterministic Multi-Paxos replica: acceptor, learner and (when elected) proposer of one log.
 *
 * <p>Every input ({@link #step}, {@link #tick}, {@link #elect}, {@link #write}) returns a
 * {@link Ready}. Messages this replica sends to itself are handled within the same call, so a
 * writer's own vote rides the same persist batch as its proposal. The runtime must persist and
 * fsync {@code Ready.toPersist} before it sends anything: replies here promise state that must
 * survive a crash.
 *
 * <p>Acceptor rules: a promise needs a strictly higher ballot, an accept an equal or higher one;
 * a promise covers every position (Multi-Paxos), so phase 1 runs once per election. Learning is
 * by a contiguous prefix: an acceptor learns position p when the writer's commit index covers p and
 * it accepted p under that writer's ballot; otherwise it catches up (asks for learned slots).
 *
 * <p>Status: a replica without a directory is EMPTY and does not vote. If a quorum of VOTING
 * replicas answers its status request it becomes RECOVERING with the highest position they hold as
 * target and their highest promise as its own, copies learned slots up to the target, and only
 * then votes. If every replica it knows of (at least 2q-1) is EMPTY or STARTING, the log is new:
 * EMPTY -> STARTING -> VOTING in two rounds (a replica that has never voted cannot forget a vote).
 */
public final class ReplicaCore {
  /** Payload bytes one catch-up response carries at most (beyond its first slot). */
  static final long MAX_MESSAGE_BYTES = 4L << 20;
  private final CoreConfig config;
  private final TreeMap<Long, Slot> slots = new TreeMap<>();
  private final TreeSet<ReplicaId> members = new TreeSet<>();
  private final Map<ReplicaId, StatusResponse> statuses = new HashMap<>();
  private Metadata meta;
  private Proposer proposer;
  private Ballot highestSeen = Ballot.ZERO;
  private long now;
  private long knownCommit;
  private ReplicaId commitSource;
  private long lastCatchupAt = Long.MIN_VALUE / 2;
  private long lastStatusAt = Long.MIN_VALUE / 2;

  // Output of the call in progress.
  private final List<LogRecord> persist = new ArrayList<>();
  private final List<Envelope> sends = new ArrayList<>();
  private final List<Learned> learned = new ArrayList<>();
  private final List<Outcome> outcomes = new ArrayList<>();
  private final ArrayDeque<Message> local = new ArrayDeque<>();
  private boolean metaDirty;
  /** The metadata as of the last Ready that asked for an fsync: what a crash cannot take back. */
  private Metadata synced;

  /** Restores a replica whose storage was never truncated; see the main constructor. */
  public ReplicaCore(CoreConfig config, Optional<Metadata> stored, Collection<Slot> storedSlots,
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
  public ReplicaCore(CoreConfig config, Optional<Metadata> stored, Collection<Slot> storedSlots,
      long truncationPoint, String freshIncarnation) {
    this.config = config;
    Metadata m = stored.orElseGet(() -> Metadata.empty(freshIncarnation));
    if (stored.isPresent() && truncationPoint > m.begin()) {
      // Positions below a durable truncation were learned (a truncation is applied once learned).
      m = m.withLearned(truncationPoint, Math.max(m.learnedUpTo(), truncationPoint - 1));
    }
    this.meta = m;
    Ballot promised = meta.promised();
    for (Slot s : storedSlots) {
      if (s.position() >= meta.begin()) {
        slots.put(s.position(), s);
        // An accept implies a promise; the metadata raising it may have been torn off.
        promised = Ballot.max(promised, s.ballot());
      }
    }
    meta = meta.withPromised(promised);
    for (long p = meta.begin(); p <= meta.learnedUpTo(); p++) {
      if (!slots.containsKey(p)) {
        throw new IllegalStateException("storage of " + config.self() + " has learned position " + p
            + " (begin " + meta.begin() + ", learned up to " + meta.learnedUpTo()
            + ") without a value");
      }
    }
    members.add(config.self());
    members.addAll(config.replicas());
    highestSeen = promised;
    synced = meta;
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
    if (proposer != null) {
      proposer.tick(now);
    }
    // Not voting: ask often (bootstrap or recover). Voting but not writing: ask now and then, so
    // that a follower learns how far the others got even while no writer sends commits.
    int statusEvery = meta.status() == Status.VOTING ? config.retransmitTicks() * 5
        : config.retransmitTicks();
    if (!isWriter() && now - lastStatusAt >= statusEvery) {
      lastStatusAt = now;
      statuses.clear();
      for (ReplicaId r : members) {
        if (!r.equals(self())) {
          sends.add(new Envelope(self(), r, new StatusRequest()));
        }
      }
      evaluateStatus();
    }
    maybeCatchUp(false);
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

  public Metadata metadata() {
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

  /** The learned value at {@code position}, if it is learned here and not truncated. */
  public Optional<Value> learnedValue(long position) {
    if (position < meta.begin() || position > meta.learnedUpTo()) {
      return Optional.empty();
    }
    return Optional.ofNullable(slots.get(position)).map(Slot::value);
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
    if (to.equals(self())) {
      local.add(m);
    } else {
      sends.add(new Envelope(self(), to, m));
    }
  }

  void outcome(Outcome o) {
    outcomes.add(o);
  }

  void demote(Failure failure, String message) {
    Proposer p = proposer;
    proposer = null;
    if (p != null) {
      p.failAll(failure, message);
    }
  }

  void noteVoters(ReplicaId voter, Set<ReplicaId> voters) {
    Metadata m = meta.withVoter(voter);
    for (ReplicaId v : voters) {
      m = m.withVoter(v);
    }
    setMeta(m);
  }

  private void dispatch(ReplicaId from, Message m) {
    if (m instanceof Prepare p) {
      onPrepare(from, p);
    } else if (m instanceof Accept a) {
      onAccept(from, a);
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
      learnFrom(c.ballot(), c.upTo(), from);
    } else if (m instanceof CatchupRequest c) {
      onCatchupRequest(from, c);
    } else if (m instanceof CatchupResponse c) {
      onCatchupResponse(from, c);
    } else if (m instanceof StatusRequest) {
      long end = Math.max(meta.learnedUpTo(), slots.isEmpty() ? 0 : slots.lastKey());
      send(from, new StatusResponse(meta.status(), meta.begin(), end, meta.learnedUpTo(),
          meta.promised()));
    } else if (m instanceof StatusResponse s) {
      statuses.put(from, s);
      if (meta.status() != Status.VOTING) {
        evaluateStatus();
      } else if (s.status() == Status.VOTING && s.learnedUpTo() > knownCommit) {
        knownCommit = s.learnedUpTo();
        commitSource = from;
        maybeCatchUp(false);
      }
    } else {
      throw new IllegalStateException("unknown message " + m);
    }
  }

  // ---- acceptor ----

  private void onPrepare(ReplicaId from, Prepare p) {
    if (meta.status() != Status.VOTING) {
      return; // not recovered: silence, the proposer counts on others or retries
    }
    int c = p.ballot().compareTo(meta.promised());
    if (c < 0) {
      send(from, new Reject(p.ballot(), meta.promised()));
      return;
    }
    if (c > 0) {
      promise(p.ballot());
    }
    // Learned slots are chosen: the proposer copies them by catch-up, so only report the rest.
    long first = Math.max(Math.max(p.from(), meta.begin()), meta.learnedUpTo() + 1);
    List<Slot> reported = new ArrayList<>(slots.tailMap(first).values());
    send(from, new Promise(p.ballot(), meta.begin(), meta.learnedUpTo(), reported, meta.voters()));
  }

  private void onAccept(ReplicaId from, Accept a) {
    if (meta.status() != Status.VOTING) {
      return;
    }
    int c = a.ballot().compareTo(meta.promised());
    if (c < 0) {
      send(from, new Reject(a.ballot(), meta.promised()));
      return;
    }
    if (c > 0) {
      promise(a.ballot());
    }
    List<Long> acked = new ArrayList<>(a.slots().size());
    for (Slot s : a.slots()) {
      if (s.position() > meta.learnedUpTo()) {
        Slot old = slots.put(s.position(), s);
        if (!s.equals(old)) {
          persist.add(new SlotWrite(s));
        }
      } // else: learned (or truncated) already; a later ballot can only carry the same value
      acked.add(s.position());
    }
    send(from, new Accepted(a.ballot(), acked));
    learnFrom(a.ballot(), a.commitUpTo(), from);
  }

  private void promise(Ballot b) {
    setMeta(meta.withPromised(b));
    highestSeen = Ballot.max(highestSeen, b);
    if (proposer != null && b.isHigherThan(proposer.ballot)) {
      demote(Failure.WRITER_FAILED, "another writer was elected with ballot " + b);
    }
  }

  // ---- learner ----

  /** The writer of {@code ballot} says every position up to {@code upTo} is chosen. */
  void learnFrom(Ballot ballot, long upTo, ReplicaId source) {
    if (upTo > knownCommit) {
      knownCommit = upTo;
      if (!source.equals(self())) {
        commitSource = source;
      }
    }
    long l = meta.learnedUpTo();
    while (l < upTo) {
      Slot s = slots.get(l + 1);
      if (s == null || !s.ballot().equals(ballot)) {
        break;
      }
      l++;
    }
    advanceLearned(l);
    maybeCatchUp(false);
  }

  private void advanceLearned(long to) {
    long before = meta.learnedUpTo();
    for (long p = meta.learnedUpTo() + 1; p <= to; p++) {
      Slot s = slots.get(p);
      if (s == null) {
        throw new IllegalStateException("learning position " + p + " without a value");
      }
      setMeta(meta.withLearned(meta.begin(), p));
      learned.add(new Learned(p, s.value()));
      if (s.value().kind() == Value.Kind.TRUNCATE) {
        // Never truncate the truncation itself: the log keeps its own end.
        truncateBefore(Math.min(s.value().truncateBefore(), p));
      }
    }
    maybeFinishRecovery();
    if (proposer != null && meta.learnedUpTo() > before) {
      proposer.onLearned();
    }
  }

  /** Copies learned positions up to {@code upTo} from {@code source}. */
  void catchUpFrom(ReplicaId source, long upTo) {
    knownCommit = Math.max(knownCommit, upTo);
    commitSource = source;
    maybeCatchUp(true);
  }

  private void truncateBefore(long newBegin) {
    if (newBegin <= meta.begin()) {
      return;
    }
    slots.headMap(newBegin).clear();
    persist.add(new TruncateBefore(newBegin));
    setMeta(meta.withLearned(newBegin, Math.max(meta.learnedUpTo(), newBegin - 1)));
  }

  /**
   * Positions before {@code begin} were truncated by a chosen truncation; skip to it. Readers see
   * this as a new {@link #begin()}.
   */
  void jumpTo(long begin) {
    if (begin > meta.learnedUpTo() + 1) {
      truncateBefore(begin);
    }
  }

  private void maybeCatchUp(boolean now) {
    long target = Math.max(knownCommit,
        meta.status() == Status.RECOVERING ? meta.recoverTarget() : 0);
    if (meta.learnedUpTo() >= target || meta.status() == Status.EMPTY
        || meta.status() == Status.STARTING) {
      return;
    }
    if (!now && this.now - lastCatchupAt < config.retransmitTicks()) {
      return;
    }
    ReplicaId source = commitSource;
    if (source == null || source.equals(self())) {
      source = statuses.entrySet().stream()
          .filter(e -> e.getValue().status() == Status.VOTING)
          .max(Map.Entry.comparingByValue(
              (a, b) -> Long.compare(a.learnedUpTo(), b.learnedUpTo())))
          .map(Map.Entry::getKey).orElse(null);
    }
    if (source == null || source.equals(self())) {
      return;
    }
    lastCatchupAt = this.now;
    send(source, new CatchupRequest(meta.learnedUpTo() + 1, target));
  }

  private void onCatchupRequest(ReplicaId from, CatchupRequest c) {
    if (meta.status() != Status.VOTING) {
      return;
    }
    long first = Math.max(c.from(), meta.begin());
    long last = Math.min(Math.min(c.to(), meta.learnedUpTo()), first + config.catchupBatch() - 1);
    if (first > last && meta.begin() <= c.from()) {
      return;
    }
    List<Slot> out = new ArrayList<>();
    long bytes = 0;
    for (Slot slot : first > last ? List.<Slot>of() : slots.subMap(first, true, last, true).values()) {
      // Bounded in bytes too: a message must fit the transport's frame.
      if (!out.isEmpty() && bytes + slot.value().data().length > MAX_MESSAGE_BYTES) {
        break;
      }
      out.add(slot);
      bytes += slot.value().data().length;
    }
    send(from, new CatchupResponse(meta.begin(), meta.learnedUpTo(), out));
  }

  private void onCatchupResponse(ReplicaId from, CatchupResponse r) {
    if (meta.status() == Status.EMPTY || meta.status() == Status.STARTING) {
      return;
    }
    jumpTo(r.begin());
    long before = meta.learnedUpTo();
    for (Slot s : r.slots()) {
      if (s.position() != meta.learnedUpTo() + 1) {
        continue;
      }
      slots.put(s.position(), s);
      persist.add(new SlotWrite(s));
      advanceLearned(s.position());
    }
    if (r.learnedUpTo() > knownCommit) {
      knownCommit = r.learnedUpTo();
      commitSource = from;
    }
    if (meta.learnedUpTo() > before) {
      maybeCatchUp(true); // keep streaming while the source has more
    }
  }

  // ---- status and recovery ----

  private void evaluateStatus() {
    Metadata next = StatusRules.next(meta, self(), statuses.values(), quorum(), knownReplicas());
    highestSeen = Ballot.max(highestSeen, next.promised());
    setMeta(next);
    if (meta.status() == Status.RECOVERING
        && quorum().isReachedBy((int) StatusRules.votingAnswers(statuses.values()))) {
      maybeFinishRecovery();
      maybeCatchUp(true);
    }
  }

  private void maybeFinishRecovery() {
    if (meta.status() == Status.RECOVERING && meta.learnedUpTo() >= meta.recoverTarget()) {
      setMeta(meta.withStatus(Status.VOTING).withVoter(self()));
    }
  }

  // ---- output ----

  private void setMeta(Metadata m) {
    if (!m.equals(meta)) {
      meta = m;
      metaDirty = true;
    }
  }

  /**
   * True if {@code now} differs from {@code before} only in how far it has learned. Such a change
   * needs no fsync of its own: a learned position is chosen (a quorum persisted it before anyone
   * learned it), so a replica that forgets having learned it after a crash learns it again from
   * a commit, a catch-up or the next writer's phase 1, and nothing it said before the crash can
   * have depended on the forgotten mark.
   */
  private static boolean onlyLearnedMoved(Metadata before, Metadata now) {
    return now.withLearned(before.begin(), before.learnedUpTo()).equals(before);
  }

  private Ready finish() {
    while (!local.isEmpty()) {
      dispatch(self(), local.poll());
    }
    boolean sync = false;
    for (LogRecord rec : persist) {
      sync |= !(rec instanceof MetadataWrite);
    }
    if (metaDirty) {
      persist.add(new MetadataWrite(meta));
      metaDirty = false;
      sync |= !onlyLearnedMoved(synced, meta);
    }
    if (sync) {
      synced = meta;
    }
    Ready r = new Ready(persist, sync, sends, learned, outcomes);
    persist.clear();
    sends.clear();
    learned.clear();
    outcomes.clear();
    return r;
  }
}
