package io.aurora.server.client;

import io.aurora.server.discovery.Endpoint;
import io.aurora.server.discovery.ServersetCodec;
import io.aurora.server.discovery.ServersetFormatException;
import io.aurora.server.discovery.ServiceInstance;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;

/**
 * Finds a scheduler's {@code /api}, as Aurora's client does: from a base URL, or as the leader of
 * the serverset in ZooKeeper (the {@code member_} node with the lowest sequence number), at its
 * {@code https} endpoint, else its {@code http} endpoint, else its main endpoint.
 */
final class SchedulerFinder {
  private static final String MEMBER = "member_";

  private SchedulerFinder() {}

  /** The {@code /api} address of {@code url}, a scheduler's base URL (a trailing /api is kept). */
  static URI fromUrl(String url) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return URI.create(base.endsWith("/api") ? base : base + "/api");
  }

  /**
   * {@code api} resolved against {@code uri} as RFC 3986 says, which is what Aurora's client does
   * with a cluster's {@code scheduler_uri}: {@code http://h:8081} and {@code http://h:8081/} give
   * {@code http://h:8081/api}, {@code http://h/aurora/} gives {@code http://h/aurora/api}, and
   * {@code http://h/aurora} (no trailing slash) gives {@code http://h/api}.
   *
   * @throws IllegalArgumentException when {@code uri} is not an absolute http(s) URL
   */
  static URI fromBaseUri(String uri) {
    URI base;
    try {
      base = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e.getReason(), e);
    }
    if (base.getScheme() == null || base.getHost() == null) {
      throw new IllegalArgumentException("no scheme or host");
    }
    if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
      base = base.resolve("/");
    }
    return base.resolve("api");
  }

  /** The leader's {@code /api} from the serverset at {@code path} on ZooKeeper {@code zk}. */
  static URI fromServerset(String zk, String path) throws Exception {
    try (CuratorFramework client = CuratorFrameworkFactory.newClient(zk, 10_000, 5_000,
        new RetryNTimes(3, 500))) {
      client.start();
      if (!client.blockUntilConnected(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("cannot reach ZooKeeper at " + zk + " within 10 seconds");
      }
      List<String> members = client.getChildren().forPath(path).stream()
          .filter(n -> n.startsWith(MEMBER))
          .sorted(Comparator.comparing(SchedulerFinder::sequence)).toList();
      if (members.isEmpty()) {
        throw new IllegalStateException("no scheduler in the serverset " + path + " on " + zk
            + "; is a scheduler running and leading?");
      }
      // Aurora's client takes the first member: a follower never announces itself, and a leader
      // that has just lost its session can linger, older and so first, only until it expires.
      byte[] data = client.getData().forPath(path + "/" + members.get(0));
      ServiceInstance leader;
      try {
        leader = new ServersetCodec().decode(data);
      } catch (ServersetFormatException e) {
        throw new IllegalStateException("cannot read the serverset member: " + e.getMessage(), e);
      }
      Endpoint https = leader.additionalEndpoints().get("https");
      if (https != null) {
        return URI.create("https://" + https + "/api");
      }
      Endpoint http = leader.additionalEndpoints().getOrDefault("http", leader.serviceEndpoint());
      return URI.create("http://" + http + "/api");
    }
  }

  /** The sequence number of a {@code member_0000000012} node (names without one sort last). */
  private static long sequence(String member) {
    try {
      return Long.parseLong(member.substring(MEMBER.length()));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
