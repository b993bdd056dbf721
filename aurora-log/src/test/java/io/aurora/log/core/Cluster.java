package io.aurora.log.core;

import io.aurora.log.core.quorum.Quorum;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Cores of one log on a loss-free FIFO network, and everything they output (for core tests). */
final class Cluster {
  final Map<ReplicaId, ReplicaCore> cores = new LinkedHashMap<>();
  final ArrayDeque<Envelope> network = new ArrayDeque<>();
  final List<Outcome> outcomes = new ArrayList<>();
  final Set<ReplicaId> down = new HashSet<>();

  Cluster(int quorum, ReplicaId... ids) {
    for (ReplicaId id : ids) {
      cores.put(id, new ReplicaCore(new CoreConfig(id, new Quorum(quorum), Set.of(ids), 20, 20, 2,
          16), Optional.empty(), List.of(), "i0"));
    }
  }

  void take(Ready r) {
    network.addAll(r.toSend());
    outcomes.addAll(r.outcomes());
  }

  void run(int ticks) {
    for (int t = 0; t < ticks; t++) {
      cores.forEach((id, c) -> {
        if (!down.contains(id)) {
          take(c.tick());
        }
      });
      while (!network.isEmpty()) {
        Envelope e = network.poll();
        if (!down.contains(e.to()) && !down.contains(e.from())) {
          take(cores.get(e.to()).step(e));
        }
      }
    }
  }

  /** Voting replicas, quorum 2, the first elected writer. */
  static Cluster withWriter(ReplicaId writer, ReplicaId... others) {
    ReplicaId[] all = new ReplicaId[others.length + 1];
    all[0] = writer;
    System.arraycopy(others, 0, all, 1, others.length);
    Cluster c = new Cluster(2, all);
    c.run(10);
    c.take(c.cores.get(writer).elect(1));
    c.run(3);
    return c;
  }

  static WriteRequest append(long id, String s) {
    return new WriteRequest(id, Value.append(s.getBytes(StandardCharsets.UTF_8)));
  }
}
