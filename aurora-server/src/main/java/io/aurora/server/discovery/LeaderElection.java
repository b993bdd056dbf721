package io.aurora.server.discovery;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.framework.recipes.leader.CancelLeadershipException;
import org.apache.curator.framework.recipes.leader.LeaderSelector;
import org.apache.curator.framework.recipes.leader.LeaderSelectorListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the scheduler leader election on {@code -serverset_path}, as Aurora does: Curator's {@link
 * LeaderSelector} (a mutex whose lock nodes sit in the serverset directory beside the {@code
 * member_} nodes) with the host as participant id.
 *
 * <p>Leadership is held until the ZooKeeper session is LOST or this election is closed. SUSPENDED
 * is deliberately tolerated: a GC pause or network blip shorter than the session timeout keeps the
 * session, and with it the lock node, so no one else can have been elected. On LOST the lock node
 * is gone and another scheduler may already lead, so {@link Listener#onDefeated()} is called and
 * the daemon exits. The client must use Curator's {@code SessionConnectionStateErrorPolicy}, else
 * Curator itself cancels leadership on SUSPENDED (the {@code io.aurora.server.zk} factory sets it).
 *
 * <p>A scheduler runs for one term: after leading once, it never rejoins (Aurora restarts the
 * process instead, so a new leader always starts from a fresh, fully replayed state).
 */
public final class LeaderElection implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);
  /** How long {@link #close()} waits for Curator to delete this leader's lock node. */
  private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);

  /** Told about this process's leadership. Both are called on Curator threads. */
  public interface Listener {
    /**
     * This process is now the leader. May take long (log recovery); leadership is held meanwhile.
     * Throwing ends leadership and counts as defeat.
     */
    void onLeading() throws Exception;

    /**
     * Leadership ended other than through {@link #close()}: the daemon must stop serving now. Not
     * called for a process that was not leading when its session was lost; the session-loss hook of
     * {@code io.aurora.server.zk} ends that process.
     */
    void onDefeated();
  }

  private final CuratorFramework client;
  private final String path;
  private final LeaderSelector selector;
  private final Listener listener;
  private final String id;
  private final CountDownLatch abdicated = new CountDownLatch(1);
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean led = new AtomicBoolean();
  private final AtomicBoolean defeated = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param client a started client
   * @param serversetPath the election directory ({@code -serverset_path})
   * @param id this participant's id, Aurora uses the host name
   */
  public LeaderElection(
      CuratorFramework client, String serversetPath, String id, Listener listener) {
    this(client, serversetPath, id, listener, Optional.empty());
  }

  /**
   * As above, with {@link Listener#onLeading()} run on {@code executor} (one thread is enough; the
   * caller owns it and shuts it down after closing this election) rather than on a thread of
   * Curator's own.
   */
  public LeaderElection(CuratorFramework client, String serversetPath, String id,
      Listener listener, ExecutorService executor) {
    this(client, serversetPath, id, listener, Optional.of(executor));
  }

  private LeaderElection(CuratorFramework client, String serversetPath, String id,
      Listener listener, Optional<ExecutorService> executor) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.id = Objects.requireNonNull(id, "id");
    this.client = Objects.requireNonNull(client, "client");
    this.path = Objects.requireNonNull(serversetPath, "serversetPath");
    this.selector = executor
        .map(e -> new LeaderSelector(client, serversetPath, e, new SelectorListener()))
        .orElseGet(() -> new LeaderSelector(client, serversetPath, new SelectorListener()));
    selector.setId(id);
  }

  /** Joins the election; returns at once, {@link Listener#onLeading()} follows when elected. */
  public void start() {
    selector.start();
  }

  /** True while this process holds leadership. */
  public boolean isLeader() {
    return leading.get();
  }

  /**
   * Leaves the election, giving up leadership if held; {@link Listener#onDefeated()} is not called.
   * A leader waits (at most two seconds) until Curator has deleted its lock node, so that the next
   * contender is elected at once: closing the selector earlier interrupts that delete, and the
   * node would then live until the session ends.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      abdicated.countDown();
      if (led.get()) {
        awaitLockReleased();
      }
      selector.close();
    }
  }

  /** Waits until no lock node under the election path belongs to this client's session. */
  private void awaitLockReleased() {
    if (client.getState() != CuratorFrameworkState.STARTED
        || !client.getZookeeperClient().isConnected()) {
      return; // the lock node goes with the session, which is closed or about to be lost
    }
    long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
    try {
      long session = client.getZookeeperClient().getZooKeeper().getSessionId();
      while (true) {
        CountDownLatch changed = new CountDownLatch(1);
        List<String> children = client.getChildren()
            .usingWatcher((CuratorWatcher) event -> changed.countDown()).forPath(path);
        if (!holdsLock(children, session)) {
          return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !changed.await(left, TimeUnit.NANOSECONDS)) {
          LOG.warn("The lock node of {} is still there after {}; it goes with the session", id,
              RELEASE_WAIT);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Could not check that {} released its lock node: {}", id, e.toString());
    }
  }

  private boolean holdsLock(List<String> children, long session) throws Exception {
    for (String child : children) {
      if (child.startsWith(ServersetAnnouncer.MEMBER_PREFIX)) {
        continue;
      }
      Stat stat = client.checkExists().forPath(ZKPaths.makePath(path, child));
      if (stat != null && stat.getEphemeralOwner() == session) {
        return true;
      }
    }
    return false;
  }

  private void defeat(String why) {
    if (defeated.compareAndSet(false, true) && !closed.get()) {
      LOG.error("Leadership of {} lost: {}", id, why);
      listener.onDefeated();
    }
  }

  private final class SelectorListener implements LeaderSelectorListener {
    @Override
    public void takeLeadership(CuratorFramework client) throws Exception {
      if (closed.get() || defeated.get()) {
        return;
      }
      leading.set(true);
      led.set(true);
      LOG.info("{} is now the leader", id);
      try {
        listener.onLeading();
        // Leadership lasts as long as this method: wait for close() or a LOST interrupt.
        abdicated.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        defeat("interrupted (ZooKeeper session lost)");
      } catch (Exception e) {
        LOG.error("Leader work of {} failed", id, e);
        defeat("leader work failed: " + e);
      } finally {
        leading.set(false);
      }
    }

    @Override
    public void stateChanged(CuratorFramework client, ConnectionState newState) {
      if (newState == ConnectionState.LOST) {
        boolean wasLeading = leading.get();
        if (wasLeading) {
          defeat("ZooKeeper session lost");
        }
        // Interrupts takeLeadership, if running, so the lock is released.
        throw new CancelLeadershipException();
      }
    }
  }
}
