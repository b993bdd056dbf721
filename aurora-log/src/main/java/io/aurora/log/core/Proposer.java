package io.aurora.log.core;

import io.aurora.log.core.Message.Accept;
import io.aurora.log.core.Message.Accepted;
import io.aurora.log.core.Message.Commit;
import io.aurora.log.core.Message.Prepare;
import io.aurora.log.core.Message.Promise;
import io.aurora.log.core.Message.Reject;
import io.aurora.log.core.Outcome.Failure;
import io.aurora.log.core.quorum.Ballot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The writer role of one replica: one ballot, from election to demotion.
 *
 * <p>Phase 1 runs once, over all positions after the local learned prefix (Multi-Paxos). With a
 * quorum of promises the proposer copies (catches up) the positions some promiser has learned, and
 * re-proposes under its own ballot every later position some promiser reported: the value accepted
 * under the highest ballot, else a no-op (hole filling). Then each write takes the next position; many positions are
 * in flight at once and one Accept message carries all positions of a step (batching). A position
 * is chosen when a quorum accepted it; writes are acknowledged in position order as the chosen
 * prefix grows, so an acknowledged write is always readable locally.
 *
 * <p>New writes ask for the votes of a quorum only: this replica's own and those of the followers
 * that voted for the highest positions so far (the ones keeping up). The other followers get the
 * same slots in an Accept that asks for no vote, which they store without an fsync of their own, so
 * a 3-replica log costs two fsyncs per batch, not three (on shared disks, a third fsync queues
 * in front of the next batch's). A position still short of a quorum {@link #HEDGE_TICKS} ticks
 * after it was proposed asks every replica that has not voted for it, as do the retransmissions;
 * a follower that stops voting thus loses its place to one that votes.
 */
final class Proposer {
  /** Ticks after which a position short of a quorum asks every replica for a vote. */
  static final int HEDGE_TICKS = 2;

  private final ReplicaCore core;
  final Ballot ballot;
  private final long electionRequest;
  private final long startedAt;
  private final Map<ReplicaId, Promise> promises = new HashMap<>();
  private final TreeMap<Long, InFlight> inFlight = new TreeMap<>();
  /** Chosen writes (position to request id) not yet learned locally. */
  private final TreeMap<Long, Long> unacked = new TreeMap<>();
  /** The highest position each follower voted for under this ballot. */
  private final Map<ReplicaId, Long> lastVoted = new HashMap<>();
  private long lastPrepareAt;
  private boolean leading;
  private boolean electedReported;
  private long fillTarget;
  private long nextPosition;
  private long commit;

  private static final class InFlight {
    final Slot slot;
    final long requestId;
    final long createdAt;
    final Set<ReplicaId> acks = new HashSet<>();
    long sentAt;
    boolean hedged;

    InFlight(Slot slot, long requestId, long now) {
      this.slot = slot;
      this.requestId = requestId;
      this.createdAt = now;
      this.sentAt = now;
    }
  }

  Proposer(ReplicaCore core, Ballot ballot, long electionRequest, long now) {
    this.core = core;
    this.ballot = ballot;
    this.electionRequest = electionRequest;
    this.startedAt = now;
  }

  boolean isLeading() {
    return leading;
  }

  boolean isElected() {
    return electedReported;
  }

  void start() {
    lastPrepareAt = core.now();
    Prepare prepare = new Prepare(ballot, core.learnedUpTo() + 1);
    for (ReplicaId r : core.members()) {
      core.send(r, prepare);
    }
  }

  void onPromise(ReplicaId from, Promise p) {
    core.noteVoters(from, p.voters()); // only VOTING replicas promise: evidence for the guard
    if (leading || !p.ballot().equals(ballot)) {
      return;
    }
    promises.put(from, p);
    if (core.quorum().isReachedBy(promises.size())) {
      lead();
    }
  }

  private void lead() {
    leading = true;
    // Replicas that promised are voting: ask them before any that did not (a recovering one).
    promises.keySet().forEach(r -> lastVoted.putIfAbsent(r, 0L));
    long maxBegin = promises.values().stream().mapToLong(Promise::begin).max().orElse(1);
    if (maxBegin > core.learnedUpTo() + 1) {
      // Some acceptor learned a truncation past our prefix: those positions are gone everywhere.
      core.learner().jumpTo(maxBegin);
    }
    // Positions some promiser learned are chosen: copy them (catch-up) rather than propose them.
    ReplicaId mostLearned = null;
    long maxLearned = 0;
    for (Map.Entry<ReplicaId, Promise> e : promises.entrySet()) {
      if (e.getValue().learnedUpTo() > maxLearned) {
        maxLearned = e.getValue().learnedUpTo();
        mostLearned = e.getKey();
      }
    }
    if (mostLearned != null && maxLearned > core.learnedUpTo()) {
      core.learner().catchUpFrom(mostLearned, maxLearned);
    }
    long start = Math.max(core.learnedUpTo(), maxLearned) + 1;
    long maxEnd = start - 1;
    Map<Long, Slot> best = new HashMap<>();
    for (Promise p : promises.values()) {
      for (Slot s : p.accepted()) {
        if (s.position() < start) {
          continue;
        }
        maxEnd = Math.max(maxEnd, s.position());
        Slot current = best.get(s.position());
        // Paxos: of the values a quorum reports, only the highest ballot's may have been chosen.
        if (current == null || s.ballot().isHigherThan(current.ballot())) {
          best.put(s.position(), s);
        }
      }
    }
    commit = start - 1;
    fillTarget = maxEnd;
    nextPosition = maxEnd + 1;
    List<Slot> batch = new ArrayList<>();
    for (long pos = start; pos <= maxEnd; pos++) {
      Slot s = best.get(pos);
      Slot mine = new Slot(pos, ballot, s == null ? Value.noop() : s.value());
      inFlight.put(pos, new InFlight(mine, -1, core.now()));
      batch.add(mine);
    }
    if (!batch.isEmpty()) {
      broadcast(batch, Set.copyOf(core.members()));
    }
    checkElected();
  }

  void write(List<WriteRequest> writes) {
    List<Slot> batch = new ArrayList<>(writes.size());
    for (WriteRequest w : writes) {
      Slot s = new Slot(nextPosition++, ballot, w.value());
      inFlight.put(s.position(), new InFlight(s, w.requestId(), core.now()));
      batch.add(s);
    }
    broadcast(batch, voters());
  }

  long nextPosition() {
    return nextPosition;
  }

  private void broadcast(List<Slot> batch, Set<ReplicaId> voters) {
    Accept accept = new Accept(ballot, batch, commit, true);
    Accept copy = new Accept(ballot, batch, commit, false);
    // The local acceptor first: its fsync rides the same batch as every other record of this step.
    core.send(core.self(), accept);
    for (ReplicaId r : core.members()) {
      if (!r.equals(core.self())) {
        core.send(r, voters.contains(r) ? accept : copy);
      }
    }
  }

  /**
   * This replica and the quorum's remaining votes from the followers that voted for the highest
   * positions (ties in replica order, so a fresh writer picks the same ones every time).
   */
  private Set<ReplicaId> voters() {
    Set<ReplicaId> voters = new HashSet<>();
    voters.add(core.self());
    core.members().stream()
        .filter(r -> !r.equals(core.self()))
        .sorted(Comparator.comparingLong((ReplicaId r) -> -lastVoted.getOrDefault(r, -1L))
            .thenComparing(r -> r))
        .limit(Math.max(0, core.quorum().size() - 1))
        .forEach(voters::add);
    return voters;
  }

  void onAccepted(ReplicaId from, Accepted a) {
    if (!leading || !a.ballot().equals(ballot)) {
      return;
    }
    long highest = Long.MIN_VALUE;
    for (long pos : a.positions()) {
      InFlight f = inFlight.get(pos);
      if (f != null) {
        f.acks.add(from);
      }
      highest = Math.max(highest, pos);
    }
    if (!from.equals(core.self()) && !a.positions().isEmpty()) {
      lastVoted.merge(from, highest, Math::max);
    }
    advanceCommit();
  }

  private void advanceCommit() {
    long before = commit;
    while (!inFlight.isEmpty() && inFlight.firstKey() == commit + 1
        && core.quorum().isReachedBy(inFlight.firstEntry().getValue().acks.size())) {
      InFlight f = inFlight.pollFirstEntry().getValue();
      commit++;
      if (f.requestId >= 0) {
        unacked.put(f.slot.position(), f.requestId);
      }
    }
    if (commit > before) {
      core.learner().learnFrom(ballot, commit, core.self());
    }
    onLearned();
  }

  /** Acknowledges chosen writes once they are learned here, so that the writer can read them. */
  void onLearned() {
    if (leading && core.learnedUpTo() < commit) {
      // Positions of ours after a caught-up prefix.
      core.learner().learnFrom(ballot, commit, core.self());
    }
    while (!unacked.isEmpty() && unacked.firstKey() <= core.learnedUpTo()) {
      Map.Entry<Long, Long> e = unacked.pollFirstEntry();
      core.outcome(new Outcome.Written(e.getValue(), e.getKey()));
    }
    checkElected();
  }

  private void checkElected() {
    if (!electedReported && leading && commit >= fillTarget
        && core.learnedUpTo() >= fillTarget) {
      electedReported = true;
      core.outcome(new Outcome.Elected(electionRequest, commit));
    }
  }

  void onReject(ReplicaId from, Reject r) {
    if (r.ballot().equals(ballot)) {
      core.demote(leading ? Failure.WRITER_FAILED : Failure.ELECTION_FAILED,
          "replica " + from + " promised a higher ballot " + r.promised() + " than " + ballot);
    }
  }

  /** Retries, heartbeats and timeouts; returns false if this proposer demoted itself. */
  void tick(long now) {
    if (!leading) {
      if (now - startedAt >= core.config().electionTicks()) {
        core.demote(Failure.ELECTION_FAILED, "no quorum of " + core.quorum().size()
            + " promised ballot " + ballot + " in time (" + promises.size() + " did)");
      } else if (now - lastPrepareAt >= core.config().retransmitTicks()) {
        lastPrepareAt = now;
        Prepare prepare = new Prepare(ballot, core.learnedUpTo() + 1);
        for (ReplicaId r : core.members()) {
          if (!promises.containsKey(r)) {
            core.send(r, prepare);
          }
        }
      }
      return;
    }
    if (!inFlight.isEmpty()
        && now - inFlight.firstEntry().getValue().createdAt >= core.config().writeTicks()) {
      core.demote(Failure.TIMEOUT, "position " + inFlight.firstKey()
          + " was not accepted by a quorum of " + core.quorum().size() + " in time");
      return;
    }
    Map<ReplicaId, List<Slot>> resend = new HashMap<>();
    for (InFlight f : inFlight.values()) {
      boolean hedge = !f.hedged && now - f.createdAt >= HEDGE_TICKS;
      if (!hedge && now - f.sentAt < core.config().retransmitTicks()) {
        continue;
      }
      f.sentAt = now;
      f.hedged = true;
      for (ReplicaId r : core.members()) {
        if (!f.acks.contains(r)) {
          resend.computeIfAbsent(r, k -> new ArrayList<>()).add(f.slot);
        }
      }
    }
    resend.forEach((r, slots) -> core.send(r, new Accept(ballot, slots, commit)));
    Commit heartbeat = new Commit(ballot, commit);
    for (ReplicaId r : core.members()) {
      if (!r.equals(core.self()) && !resend.containsKey(r)) {
        core.send(r, heartbeat);
      }
    }
  }

  /** Fails the election (if still pending) and every unacknowledged write. */
  void failAll(Failure failure, String message) {
    int known = core.knownReplicas();
    if (!electedReported) {
      core.outcome(new Outcome.Failed(electionRequest, failure, message, known));
      electedReported = true;
    }
    for (InFlight f : inFlight.values()) {
      if (f.requestId >= 0) {
        core.outcome(new Outcome.Failed(f.requestId, failure, message, known));
      }
    }
    inFlight.clear();
    // Chosen already: durable on a quorum, so acknowledging them is the truth.
    unacked.forEach((pos, id) -> core.outcome(new Outcome.Written(id, pos)));
    unacked.clear();
  }
}
