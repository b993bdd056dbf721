package io.aurora.log.runtime;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
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

/**
 * Opens a replica of the replicated log from {@link LogOptions}: files, sockets and discovery.
 *
 * <p>A replica runs on threads made by one {@link ThreadFactory}: its loop (renamed
 * {@code <the factory's name>-replica-<n>}), the delivery of callbacks ({@code -delivery-<n>}) and
 * the transport's acceptor, reader, writer and timer threads (which the transport names
 * {@code aurora-log-transport-*}). Closing the log ends all of them. A process that owns its
 * threads passes its factory; the overloads without one use {@link #defaultThreads()}.
 */
public final class ReplicatedLogs {
  private ReplicatedLogs() {}

  /**
   * As {@link #open(LogOptions, MeterRegistry, Optional, ThreadFactory)} with
   * {@link #defaultThreads()}: for embedders and tools that do not manage threads themselves.
   */
  public static LoopBackedLog open(LogOptions options, MeterRegistry registry,
      Optional<CuratorFramework> curator) {
    return open(options, registry, curator, defaultThreads());
  }

  /**
   * Opens the replica in {@code options.dataDir()}, listening on {@code options.localAddress()},
   * finding its peers in the ZooKeeper group (then {@code curator} is required; the caller keeps
   * owning it) or the static list.
   *
   * @param threads makes every thread of the replica; they all end when the log is closed
   */
  public static LoopBackedLog open(LogOptions options, MeterRegistry registry,
      Optional<CuratorFramework> curator, ThreadFactory threads) {
    LogStorage storage = FileLogStorage.open(options.dataDir());
    Transport transport;
    try {
      PeerAddress bind = PeerAddress.parse(options.localAddress().toString());
      transport = SocketTransport.open(SocketTransportOptions.defaults(bind),
          threads, registry);
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
    return open(options, storage, transport, group, registry, threads);
  }

  /** Opens a replica over the given parts (tests, or other storage and transports). */
  public static LoopBackedLog open(LogOptions options, LogStorage storage, Transport transport,
      ReplicaGroup group, MeterRegistry registry) {
    return open(options, storage, transport, group, registry, defaultThreads());
  }

  /** As above, with the loop and delivery threads made by {@code threads}. */
  public static LoopBackedLog open(LogOptions options, LogStorage storage, Transport transport,
      ReplicaGroup group, MeterRegistry registry, ThreadFactory threads) {
    ScheduledExecutorService loop =
        Executors.newSingleThreadScheduledExecutor(named(threads, "replica"));
    ScheduledExecutorService delivery =
        Executors.newSingleThreadScheduledExecutor(named(threads, "delivery"));
    ReplicaLoop replica = new ReplicaLoop(options, storage, transport, group, loop, delivery,
        registry);
    replica.start();
    return new LoopBackedLog(replica);
  }

  /** Daemon threads named {@code aurora-log}: the default of the overloads without a factory. */
  public static ThreadFactory defaultThreads() {
    return new ThreadFactoryBuilder().setNameFormat("aurora-log").setDaemon(true).build();
  }

  /** Threads of {@code threads}, renamed {@code <its name>-<role>-<n>}. */
  private static ThreadFactory named(ThreadFactory threads, String role) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = threads.newThread(r);
      t.setName(t.getName() + "-" + role + "-" + n.incrementAndGet());
      return t;
    };
  }
}
