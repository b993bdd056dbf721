package io.aurora.log.core.sim;

import io.aurora.log.core.Envelope;
import io.aurora.log.core.ReplicaId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * A seeded network: each message is dropped, delayed, duplicated (and so reordered) at random, and
 * partitions cut pairs of replicas apart until healed.
 */
final class SimNetwork {
  private record InFlight(long at, long seq, Envelope envelope) {}

  private final Random random;
  private final PriorityQueue<InFlight> queue = new PriorityQueue<>(
      (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final Set<String> cut = new HashSet<>();
  private long seq;
  double dropRate = 0.05;
  double duplicateRate = 0.03;
  int maxDelay = 6;

  SimNetwork(Random random) {
    this.random = random;
  }

  void send(Envelope e, long now) {
    if (random.nextDouble() < dropRate) {
      return;
    }
    queue.add(new InFlight(now + 1 + random.nextInt(maxDelay), seq++, e));
    if (random.nextDouble() < duplicateRate) {
      queue.add(new InFlight(now + 1 + random.nextInt(maxDelay * 3), seq++, e));
    }
  }

  /** Messages due by {@code now} that no partition blocks, in a shuffled order. */
  List<Envelope> due(long now) {
    List<Envelope> out = new ArrayList<>();
    while (!queue.isEmpty() && queue.peek().at <= now) {
      Envelope e = queue.poll().envelope;
      if (!isCut(e.from(), e.to())) {
        out.add(e);
      }
    }
    java.util.Collections.shuffle(out, random);
    return out;
  }

  /** Forgets every message a replica sent (it lost its disk: nothing it said is backed any more). */
  void dropFrom(ReplicaId from) {
    queue.removeIf(f -> f.envelope.from().equals(from));
  }

  void partition(Set<ReplicaId> side, Set<ReplicaId> all) {
    for (ReplicaId a : side) {
      for (ReplicaId b : all) {
        if (!side.contains(b)) {
          cut.add(a + "|" + b);
          cut.add(b + "|" + a);
        }
      }
    }
  }

  void heal() {
    cut.clear();
  }

  boolean isPartitioned() {
    return !cut.isEmpty();
  }

  private boolean isCut(ReplicaId a, ReplicaId b) {
    return cut.contains(a + "|" + b);
  }
}
