package io.aurora.server.app;

import io.aurora.server.ServerOptions;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import io.aurora.server.zk.EmbeddedZooKeeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The services a one-machine scheduler runs inside its own process: ZooKeeper
 * ({@code -zk_in_proc}) and the Mesos master with a local agent ({@code -mesos_master_address=local}).
 * Their data sits beside the log directory: {@code <log dir>/../zookeeper} and {@code ../mesos}.
 * Closing kills every task the local agent started.
 */
public final class EmbeddedServices implements AutoCloseable {
  /** The {@code -mesos_master_address} value that asks for the embedded master. */
  public static final String LOCAL_MASTER = "local";

  private final Optional<EmbeddedZooKeeper> zooKeeper;
  private final Optional<LocalMesos> mesos;
  private final String zkConnectString;
  private final String masterAddress;
  private boolean closed;

  private EmbeddedServices(Optional<EmbeddedZooKeeper> zooKeeper, Optional<LocalMesos> mesos,
      String zkConnectString, String masterAddress) {
    this.zooKeeper = zooKeeper;
    this.mesos = mesos;
    this.zkConnectString = zkConnectString;
    this.masterAddress = masterAddress;
  }

  /**
   * Checks that an embedded master is asked for only with quorum 1 (its tasks die with this
   * process, so no other replica could take over); the message says what to run instead.
   */
  public static Optional<String> refusal(ServerOptions options) {
    boolean local = LOCAL_MASTER.equals(options.serverFlags().mesos().mesosMasterAddress());
    int quorum = options.serverFlags().storage().nativeLogQuorumSize();
    if (local && quorum != 1) {
      return Optional.of("-mesos_master_address=local runs the Mesos master inside this scheduler"
          + " and needs -native_log_quorum_size=1 (got " + quorum + "); for several schedulers,"
          + " run bin/aurora-local-mesos once and point -mesos_master_address at it");
    }
    return Optional.empty();
  }

  /** Starts what the flags ask for (maybe nothing). */
  public static EmbeddedServices start(ServerOptions options, Clock clock) {
    Path base = options.serverFlags().storage().nativeLogFilePath().toAbsolutePath().getParent();
    Optional<EmbeddedZooKeeper> zk = Optional.empty();
    String connect = String.join(",", options.serverFlags().zooKeeper().zkEndpoints());
    if (options.serverFlags().zooKeeper().zkInProc()) {
      int port = options.serverFlags().zooKeeper().zkEndpoints().isEmpty() ? 0
          : Integer.parseInt(connect.substring(connect.lastIndexOf(':') + 1).split(",")[0]);
      zk = Optional.of(EmbeddedZooKeeper.start(base.resolve("zookeeper"), port,
          Duration.ofSeconds(30)));
      connect = zk.get().connectString();
    }
    Optional<LocalMesos> mesos = Optional.empty();
    String master = options.serverFlags().mesos().mesosMasterAddress();
    if (LOCAL_MASTER.equals(master)) {
      try {
        mesos = Optional.of(LocalMesos.start(LocalMesosOptions.defaults(base.resolve("mesos")),
            clock));
      } catch (RuntimeException e) {
        zk.ifPresent(EmbeddedZooKeeper::close);
        throw e;
      }
      master = mesos.get().address();
    }
    return new EmbeddedServices(zk, mesos, connect, master);
  }

  /** The ZooKeeper ensemble to use. */
  public String zkConnectString() {
    return zkConnectString;
  }

  /** The Mesos master to use. */
  public String masterAddress() {
    return masterAddress;
  }

  /** The embedded master, when one runs. */
  public Optional<LocalMesos> mesos() {
    return mesos;
  }

  /** Stops the master (killing its tasks), then ZooKeeper. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    mesos.ifPresent(LocalMesos::close);
    zooKeeper.ifPresent(EmbeddedZooKeeper::close);
  }
}
