package io.aurora.server.zk;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;

/**
 * Builds the daemon's Curator client the way Aurora configures it.
 *
 * <ul>
 *   <li>Retry: {@code BoundedExponentialBackoffRetry(1 s, 1 min, 10)}; never read-only.
 *   <li>The chroot becomes Curator's namespace, so the chroot node is created when missing (a
 *       connect-string chroot would make every call fail until someone created it by hand).
 *   <li>ACL: with digest credentials {@code EVERYONE_READ_CREATOR_ALL} (anyone reads, so clients
 *       can find the leader; only we change), otherwise {@code OPEN_ACL_UNSAFE}.
 *   <li>Only session LOST counts as an error for recipes ({@link
 *       SessionConnectionStateErrorPolicy}): a SUSPENDED connection (a GC pause, a network blip)
 *       must not drop leadership.
 * </ul>
 */
public final class CuratorClientFactory {

  private static final int BASE_SLEEP_MS = 1_000;
  private static final int MAX_SLEEP_MS = 60_000;
  private static final int MAX_RETRIES = 10;

  private final MeterRegistry registry;

  /**
   * @param registry where the {@code zk_connection_state_*} meters go
   */
  public CuratorClientFactory(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Builds and starts a client; it connects in the background (see {@link
   * CuratorFramework#blockUntilConnected}).
   *
   * @param onSessionLost told once, on the first session LOST
   */
  public CuratorFramework start(ZooKeeperConfig config, SessionLossListener onSessionLost) {
    Objects.requireNonNull(onSessionLost, "onSessionLost");
    CuratorFrameworkFactory.Builder builder =
        CuratorFrameworkFactory.builder()
            .connectString(config.connectString())
            .sessionTimeoutMs((int) config.sessionTimeout().toMillis())
            .connectionTimeoutMs((int) config.connectionTimeout().toMillis())
            .retryPolicy(
                new BoundedExponentialBackoffRetry(BASE_SLEEP_MS, MAX_SLEEP_MS, MAX_RETRIES))
            .canBeReadOnly(false)
            .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy())
            .aclProvider(aclProvider(acl(config.credentials())));
    config.namespace().ifPresent(builder::namespace);
    config
        .credentials()
        .ifPresent(c -> builder.authorization(DigestCredentials.SCHEME, c.authBytes()));
    CuratorFramework client = builder.build();

    client.getConnectionStateListenable().addListener(new ConnectionStateGauges(registry));
    AtomicBoolean told = new AtomicBoolean();
    client
        .getConnectionStateListenable()
        .addListener(
            (c, state) -> {
              if (state == ConnectionState.LOST && told.compareAndSet(false, true)) {
                onSessionLost.sessionLost();
              }
            });
    client.start();
    return client;
  }

  /** The ACL every node we create gets. */
  static List<ACL> acl(Optional<DigestCredentials> credentials) {
    if (credentials.isEmpty()) {
      return ZooDefs.Ids.OPEN_ACL_UNSAFE;
    }
    List<ACL> acl = new ArrayList<>(ZooDefs.Ids.READ_ACL_UNSAFE);
    acl.addAll(ZooDefs.Ids.CREATOR_ALL_ACL);
    // Not List.copyOf: ZooKeeper checks acl.contains(null), which immutable lists reject with an
    // NPE.
    return Collections.unmodifiableList(acl);
  }

  private static ACLProvider aclProvider(List<ACL> acl) {
    return new ACLProvider() {
      @Override
      public List<ACL> getDefaultAcl() {
        return acl;
      }

      @Override
      public List<ACL> getAclForPath(String path) {
        return acl;
      }
    };
  }
}
