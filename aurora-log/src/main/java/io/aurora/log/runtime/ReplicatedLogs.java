package io.aurora.log.runtime;

import io.aurora.log.LogOptions;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.discovery.ReplicaGroup;
import io.aurora.log.discovery.StaticReplicaGroup;
import io.aurora.log.discovery.ZooKeeperReplicaGroup;
import io.aurora.log.storage.FileLogStorage;
import io.aurora.log.storage.LogStorage;
import io.aurora.log.transport.PeerAddress;
import io.aurora.log.transport.SocketTransport;
import io.aurora.log.transport.SocketTransportOptions;
import io.aurora.log.transport.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;

/** Opens a replica of the replicated log from {@link LogOptions}: files, sockets and discovery. */
public final class ReplicatedLogs {
  private ReplicatedLogs() {}

  /**
   * Opens the replica in {@code options.dataDir()}, listening on {@code options.localAddress()},
   * finding its peers in the ZooKeeper group (then {@code curator} is required; the caller keeps
   * owning it) or the static list.
   */
  public static LoopBackedLog open(LogOptions options, MeterRegistry registry,
      Optional<CuratorFramework> curator) {
    LogStorage storage = FileLogStorage.open(options.dataDir());
    Transport transport;
    try {
      PeerAddress bind = PeerAddress.parse(options.localAddress().toString());
      transport = SocketTransport.open(SocketTransportOptions.defaults(bind),
          daemon("aurora-log-net"), registry);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    ReplicaGroup group;
    if (options.zkGroupPath().isPresent()) {
      CuratorFramework zk = curator.orElseThrow(() -> new IllegalArgumentException(
          "a ZooKeeper group path needs a Curator client"));
      group = new ZooKeeperReplicaGroup(zk, options.zkGroupPath().get(), transport.localAddress());
    } else {
      Set<PeerAddress> members = new LinkedHashSet<>();
      members.add(transport.localAddress());
      options.peers().forEach(p -> members.add(PeerAddress.parse(p.toString())));
      group = new StaticReplicaGroup(members);
    }
    return open(options, storage, transport, group, registry);
  }

  /** Opens a replica over the given parts (tests, or other storage and transports). */
  public static LoopBackedLog open(LogOptions options, LogStorage storage, Transport transport,
      ReplicaGroup group, MeterRegistry registry) {
    ScheduledExecutorService loop =
        Executors.newSingleThreadScheduledExecutor(daemon("aurora-log-replica"));
    ScheduledExecutorService delivery =
        Executors.newSingleThreadScheduledExecutor(daemon("aurora-log-delivery"));
    ReplicaLoop replica = new ReplicaLoop(options, storage, transport, group, loop, delivery,
        registry);
    replica.start();
    return new LoopBackedLog(replica);
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
