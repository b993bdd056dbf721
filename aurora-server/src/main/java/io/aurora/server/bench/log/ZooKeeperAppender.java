package io.aurora.server.bench.log;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Appends to ZooKeeper as asynchronous {@code setData} calls on a fixed set of znodes (so the
 * ensemble's memory stays flat however long the run), spread over several sessions. Every write
 * goes through the leader and is logged and fsynced by a quorum before it is acknowledged, as an
 * append to our log is.
 */
final class ZooKeeperAppender implements Appender {
  static final String ROOT = "/aurora-log-bench";
  private static final int KEYS = 1024;

  private final List<ZooKeeper> sessions;
  private final AtomicLong next = new AtomicLong();

  private ZooKeeperAppender(List<ZooKeeper> sessions) {
    this.sessions = List.copyOf(sessions);
  }

  /** Opens {@code sessionCount} sessions to {@code connectString} and creates the znodes. */
  static ZooKeeperAppender open(String connectString, int sessionCount, Duration timeout)
      throws IOException, InterruptedException, KeeperException {
    List<ZooKeeper> sessions = new ArrayList<>();
    try {
      for (int i = 0; i < sessionCount; i++) {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, (int) timeout.toMillis(), event -> {
          if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
            connected.countDown();
          }
        });
        sessions.add(zk);
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IOException("no ZooKeeper session to " + connectString + " within "
              + timeout.toSeconds() + " s");
        }
      }
      ZooKeeper zk = sessions.get(0);
      createIfMissing(zk, ROOT);
      for (int k = 0; k < KEYS; k++) {
        createIfMissing(zk, ROOT + "/k" + k);
      }
      return new ZooKeeperAppender(sessions);
    } catch (IOException | InterruptedException | KeeperException | RuntimeException e) {
      for (ZooKeeper zk : sessions) {
        zk.close();
      }
      throw e;
    }
  }

  private static void createIfMissing(ZooKeeper zk, String path)
      throws KeeperException, InterruptedException {
    try {
      zk.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    } catch (KeeperException.NodeExistsException e) {
      // Left by an earlier run: reused.
    }
  }

  @Override
  public CompletableFuture<?> append(byte[] data) {
    long n = next.getAndIncrement();
    ZooKeeper zk = sessions.get((int) (n % sessions.size()));
    CompletableFuture<Void> done = new CompletableFuture<>();
    zk.setData(ROOT + "/k" + (n % KEYS), data, -1, (rc, path, ctx, stat) -> {
      KeeperException.Code code = KeeperException.Code.get(rc);
      if (code == KeeperException.Code.OK) {
        done.complete(null);
      } else {
        done.completeExceptionally(KeeperException.create(code, path));
      }
    }, null);
    return done;
  }

  @Override
  public void close() {
    for (ZooKeeper zk : sessions) {
      try {
        zk.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
