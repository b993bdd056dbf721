package io.aurora.server.client;

import io.aurora.server.discovery.Endpoint;
import io.aurora.server.discovery.ServersetCodec;
import io.aurora.server.discovery.ServersetFormatException;
import io.aurora.server.discovery.ServiceInstance;
import java.net.URI;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;

/**
 * Finds the leading scheduler's {@code /api}, as Aurora's client does: the single {@code member_}
 * node of the serverset in ZooKeeper, at its {@code http} endpoint (else its main endpoint).
 */
final class SchedulerFinder {
  private SchedulerFinder() {}

  /** The {@code /api} address of {@code url}, a scheduler's base URL. */
  static URI fromUrl(String url) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return URI.create(base.endsWith("/api") ? base : base + "/api");
  }

  /** The leader's {@code /api} from the serverset at {@code path} on ZooKeeper {@code zk}. */
  static URI fromServerset(String zk, String path) throws Exception {
    try (CuratorFramework client = CuratorFrameworkFactory.newClient(zk, 10_000, 5_000,
        new RetryNTimes(3, 500))) {
      client.start();
      if (!client.blockUntilConnected(10, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new IllegalStateException("cannot reach ZooKeeper at " + zk);
      }
      List<String> members = client.getChildren().forPath(path).stream()
          .filter(n -> n.startsWith("member_")).toList();
      if (members.size() != 1) {
        throw new IllegalStateException("no single leader in the serverset " + path + " ("
            + members.size() + " members); is a scheduler running?");
      }
      byte[] data = client.getData().forPath(path + "/" + members.get(0));
      ServiceInstance leader;
      try {
        leader = new ServersetCodec().decode(data);
      } catch (ServersetFormatException e) {
        throw new IllegalStateException("cannot read the serverset member: " + e.getMessage(), e);
      }
      Endpoint http = leader.additionalEndpoints().getOrDefault("http", leader.serviceEndpoint());
      return URI.create("http://" + http + "/api");
    }
  }
}
