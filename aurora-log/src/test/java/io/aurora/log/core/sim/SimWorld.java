package io.aurora.log.core.sim;

import io.aurora.log.core.CoreConfig;
import io.aurora.log.core.Envelope;
import io.aurora.log.core.EvictedSlots;
import io.aurora.log.core.Learned;
import io.aurora.log.core.LogRecord;
import io.aurora.log.core.Message;
import io.aurora.log.core.Outcome;
import io.aurora.log.core.Ready;
import io.aurora.log.core.ReplicaCore;
import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Status;
import io.aurora.log.core.Value;
import io.aurora.log.core.WriteRequest;
import io.aurora.log.core.quorum.Quorum;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A seeded, single-threaded world of replicas, a {@link SimNetwork} and a {@link SimDisk} each, with
 * a client that elects writers (sometimes two compete) and appends, and faults: crashes (also in the
 * middle of a persist), restarts, a wiped disk, partitions. {@link #check} holds the invariants.
 */
final class SimWorld {
  /** Small, so that catch-up and reads of evicted values are exercised all the time. */
  static final int LEARNED_VALUES_IN_MEMORY = 8;

  final long seed;
  final Random random;
  final SimNetwork net;
  final Quorum quorum;
  final List<ReplicaId> ids = new ArrayList<>();
  private final Map<ReplicaId, Node> nodes = new LinkedHashMap<>();
  /** The one value ever learned at each position, by anyone. */
  final TreeMap<Long, Value> chosen = new TreeMap<>();
  /** Acknowledged writes by position. */
  final TreeMap<Long, Value> acked = new TreeMap<>();
  long now;
  long ackedAfterHeal;
  boolean faults = true;
  final Map<String, Integer> events = new TreeMap<>();
  private long nextRequest = 1;
  private long nextValue = 1;
  private int incarnations;

  private static final class Node {
    final ReplicaId id;
    final SimDisk disk = new SimDisk();
    final Map<Long, Value> pending = new HashMap<>();
    ReplicaCore core;

    Node(ReplicaId id) {
      this.id = id;
    }
  }

  SimWorld(long seed, int replicas) {
    this.seed = seed;
    this.random = new Random(seed);
    this.net = new SimNetwork(random);
    this.quorum = new Quorum(Quorum.majorityOf(replicas));
    for (int i = 0; i < replicas; i++) {
      ids.add(ReplicaId.of("r" + i));
    }
    for (ReplicaId id : ids) {
      Node n = new Node(id);
      nodes.put(id, n);
      start(n);
    }
  }

  private void start(Node n) {
    CoreConfig config = new CoreConfig(n.id, quorum, new HashSet<>(ids), 40, 60, 4, 64,
        LEARNED_VALUES_IN_MEMORY);
    n.core = new ReplicaCore(config, n.disk.metadata(), n.disk.slots(), n.disk.truncationPoint(),
        "i" + (incarnations++));
    n.pending.clear();
  }

  void step() {
    now++;
    for (Envelope e : net.due(now)) {
      Node n = nodes.get(e.to());
      if (n.core != null) {
        apply(n, n.core.step(e));
      }
    }
    for (Node n : nodes.values()) {
      if (n.core != null && random.nextInt(3) == 0) {
        apply(n, n.core.tick());
      }
    }
    client();
    if (faults) {
      faults();
    }
  }

  private void client() {
    List<Node> up = nodes.values().stream().filter(n -> n.core != null).toList();
    if (up.isEmpty()) {
      return;
    }
    Node writer = up.stream().filter(n -> n.core.isWriter()).findFirst().orElse(null);
    if (writer != null && random.nextInt(3) == 0) {
      List<WriteRequest> batch = new ArrayList<>();
      int size = 1 + random.nextInt(4);
      for (int i = 0; i < size; i++) {
        Value v = random.nextInt(400) == 0 && writer.core.learnedUpTo() > writer.core.begin()
            ? Value.truncate(writer.core.begin()
                + random.nextInt((int) (writer.core.learnedUpTo() - writer.core.begin()) + 1))
            : Value.append(ByteBuffer.allocate(8).putLong(nextValue++).array());
        long id = nextRequest++;
        writer.pending.put(id, v);
        batch.add(new WriteRequest(id, v));
      }
      apply(writer, writer.core.write(batch));
    }
    // Competing writers: usually only when nobody writes, sometimes anyway.
    if ((writer == null && random.nextInt(20) == 0) || random.nextInt(400) == 0) {
      Node n = up.get(random.nextInt(up.size()));
      if (n.core != null) { // else it crashed in the middle of the write above
        apply(n, n.core.elect(nextRequest++));
      }
    }
  }

  private void faults() {
    Node n = nodes.get(ids.get(random.nextInt(ids.size())));
    int dice = random.nextInt(1000);
    if (n.core != null && dice < 3) {
      count("crash");
      crash(n);
    } else if (n.core == null && dice < 30) {
      start(n);
    } else if (n.core != null && dice == 999 && othersVoting(n)) {
      count("wipe");
      crash(n);
      n.disk.wipe();
      net.dropFrom(n.id);
    } else if (dice >= 990 && dice < 994 && !net.isPartitioned()) {
      Set<ReplicaId> side = new HashSet<>();
      for (ReplicaId id : ids) {
        if (random.nextBoolean()) {
          side.add(id);
        }
      }
      net.partition(side, new HashSet<>(ids));
      count("partition");
    } else if (dice >= 994 && dice < 998) {
      net.heal();
    }
  }

  private void count(String event) {
    events.merge(event, 1, Integer::sum);
  }

  /** A disk may be lost only while every other replica votes: a minority loses data, no more. */
  private boolean othersVoting(Node wiped) {
    return nodes.values().stream().filter(n -> n != wiped)
        .allMatch(n -> n.core != null && n.core.status() == Status.VOTING);
  }

  private void crash(Node n) {
    n.disk.crash(random);
    n.core = null;
    n.pending.clear();
  }

  private void apply(Node n, Ready ready) {
    for (LogRecord r : ready.toPersist()) {
      n.disk.write(r);
    }
    // As ReplicaLoop: requests leave before the fsync, replies after it.
    for (Envelope e : ready.toSend()) {
      if (isRequest(e.message())) {
        net.send(filled(n, e), now);
      }
    }
    if (faults && !ready.toPersist().isEmpty() && random.nextInt(2000) == 0) {
      count("crashMidPersist");
      crash(n); // crashed before the fsync returned: nothing below happens
      return;
    }
    if (ready.sync()) {
      n.disk.sync(); // else the records stay unsynced, to be lost in a crash or synced later
    }
    for (Envelope e : ready.toSend()) {
      if (!isRequest(e.message())) {
        net.send(filled(n, e), now);
      }
    }
    for (Learned l : ready.learned()) {
      Value before = chosen.putIfAbsent(l.position(), l.value());
      if (before != null && !before.equals(l.value())) {
        throw new AssertionError("two values learned at position " + l.position() + ": " + before
            + " and " + l.value() + " (by " + n.id + ")");
      }
    }
    for (Outcome o : ready.outcomes()) {
      Value v = n.pending.remove(o.requestId());
      count(o instanceof Outcome.Failed f ? "failed." + f.failure() : o.getClass().getSimpleName());
      if (o instanceof Outcome.Written w) {
        if (v == null) {
          throw new AssertionError("ack for unknown request " + o);
        }
        if (!v.equals(chosen.get(w.position()))) {
          throw new AssertionError("acked " + v + " at " + w.position() + " but learned "
              + chosen.get(w.position()));
        }
        acked.put(w.position(), v);
        ackedAfterHeal++;
      }
    }
  }

  /** As ReadyApplier: values the core evicted are read back from the disk before sending. */
  private Envelope filled(Node n, Envelope e) {
    Message m = EvictedSlots.fill(e.message(), n.disk::slot);
    if (m instanceof Message.CatchupResponse r
        && r.slots().stream().anyMatch(s -> s.value().isEvicted())) {
      throw new AssertionError("unfilled catch-up response from " + n.id + ": " + r);
    }
    if (m == e.message()) {
      return e;
    }
    count("catchupFromDisk");
    return new Envelope(e.from(), e.to(), m);
  }

  private static boolean isRequest(Message m) {
    return m instanceof Message.Prepare || m instanceof Message.Accept
        || m instanceof Message.Commit || m instanceof Message.CatchupRequest
        || m instanceof Message.StatusRequest;
  }

  /** Every acknowledged write is learned, unchanged, by every up replica that has learned its position. */
  void check() {
    for (Node n : nodes.values()) {
      if (n.core == null) {
        continue;
      }
      long from = n.core.begin();
      long to = n.core.learnedUpTo();
      if (to < from) {
        continue;
      }
      for (Map.Entry<Long, Value> e : acked.subMap(from, true, to, true).entrySet()) {
        // As LoopReader: values older than the latest few are read from the disk.
        Optional<Value> v = e.getKey() < n.core.learnedInMemoryFrom()
            ? n.disk.slot(e.getKey()).map(Slot::value) : n.core.learnedValue(e.getKey());
        if (v.isEmpty() || !v.get().equals(e.getValue())) {
          throw new AssertionError(n.id + " has " + v + " at acked position " + e.getKey()
              + ", expected " + e.getValue());
        }
      }
    }
  }

  /** Faults stop and the network heals. */
  void heal() {
    faults = false;
    net.heal();
  }

  /**
   * Crashes a random minority. Done once every replica votes again: a replica still recovering a
   * lost disk counts as failed already, and a second failure would leave no quorum that is sure to
   * hold every chosen value.
   */
  void crashMinority() {
    List<Node> all = new ArrayList<>(nodes.values());
    java.util.Collections.shuffle(all, random);
    for (int i = 0; i < ids.size() - quorum.size(); i++) {
      crash(all.get(i));
    }
    ackedAfterHeal = 0;
  }

  /** Restarts every replica. */
  void restartAll() {
    for (Node n : nodes.values()) {
      if (n.core == null) {
        start(n);
      }
    }
    ackedAfterHeal = 0;
  }

  /** Every running replica votes and has learned every acknowledged position. */
  boolean settled() {
    long last = acked.isEmpty() ? 0 : acked.lastKey();
    return nodes.values().stream().filter(n -> n.core != null).allMatch(n ->
        n.core.status() == Status.VOTING && n.core.learnedUpTo() >= last);
  }

  boolean allUp() {
    return nodes.values().stream().allMatch(n -> n.core != null);
  }

  String describe() {
    StringBuilder sb = new StringBuilder("seed=" + seed + " t=" + now + " acked=" + acked.size()
        + " " + events);
    for (Node n : nodes.values()) {
      sb.append(" | ").append(n.id).append(n.core == null ? " down"
          : " " + n.core.status() + " begin=" + n.core.begin() + " learned=" + n.core.learnedUpTo()
              + (n.core.isWriter() ? " WRITER" : ""));
    }
    return sb.toString();
  }
}
