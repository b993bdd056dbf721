package io.aurora.server.client;

import io.aurora.gen.AuroraAdmin;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.SchedulerConnector;
import io.aurora.server.client.cli.SchedulerHandle;
import io.aurora.server.client.cluster.ClusterConfig;
import io.aurora.server.client.cluster.Clusters;
import io.aurora.server.client.credentials.BasicCredentials;
import io.aurora.server.client.credentials.CredentialLookup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.transport.TTransportException;

/**
 * The command line's {@link SchedulerConnector}, spoken to with Thrift over HTTP. Where a
 * command's scheduler is, first match wins:
 *
 * <ol>
 *   <li>{@code --zk} (with {@code --serverset}): the leader in that serverset, whatever the cluster;
 *   <li>{@code --scheduler}: that URL, whatever the cluster;
 *   <li>a command that names no cluster: {@code $AURORA_SCHEDULER_URL}, else {@code
 *       http://127.0.0.1:8081};
 *   <li>cluster {@code local} with {@code $AURORA_SCHEDULER_URL} set: that URL;
 *   <li>a cluster of {@code clusters.json}: the leader in its {@code zk} serverset, else its {@code
 *       scheduler_uri};
 *   <li>cluster {@code local}, which needs no file: {@code http://127.0.0.1:8081} (what {@code
 *       ./run-local.sh} serves).
 * </ol>
 *
 * Any other cluster is unknown (exit 3). The options are read when a command connects, after
 * picocli has filled them; {@code clusters.json} is read then too, once, and only when needed.
 */
final class ThriftConnector implements SchedulerConnector {
  static final String BINARY = "application/vnd.apache.thrift.binary";
  static final String JSON = "application/vnd.apache.thrift.json";
  /** The address {@code ./run-local.sh} serves. */
  static final String DEFAULT_URL = "http://127.0.0.1:8081";
  /** The cluster that works without a {@code clusters.json}. */
  static final String LOCAL = "local";
  /** The variable naming the scheduler of cluster {@value #LOCAL}. */
  static final String URL_VARIABLE = "AURORA_SCHEDULER_URL";
  /** How long one HTTP exchange with the scheduler may take. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  /** Where a scheduler's {@code /api} is, and the base of its web pages. */
  record Target(URI api, URI webBase) {}

  private final ConnectionOptions options;
  private final Map<String, String> env;
  private final Supplier<Clusters> clusterSource;
  private Clusters clusters;

  /** A connector that reads no {@code clusters.json}: only {@code local} and the options work. */
  ThriftConnector(ConnectionOptions options, Map<String, String> env) {
    this(options, env, () -> Clusters.read(java.util.List.of()));
  }

  /** @param clusters reads the {@code clusters.json} files; called at most once, when needed */
  ThriftConnector(ConnectionOptions options, Map<String, String> env, Supplier<Clusters> clusters) {
    this.options = Objects.requireNonNull(options, "options");
    this.env = Map.copyOf(env);
    this.clusterSource = Objects.requireNonNull(clusters, "clusters");
  }

  @Override
  public SchedulerHandle connect(Optional<String> cluster) {
    Target target = target(cluster);
    String mediaType = options.binary ? BINARY : JSON;
    try {
      HttpThriftTransport transport = new HttpThriftTransport(target.api(), mediaType,
          CALL_TIMEOUT, credentials(target.api()));
      AuroraAdmin.Iface client = new AuroraAdmin.Client(options.binary
          ? new TBinaryProtocol(transport) : new TJSONProtocol(transport));
      return new SchedulerHandle(client, target.webBase());
    } catch (TTransportException e) {
      throw new ClientFailure(ExitCodes.NETWORK_ERROR, e.getMessage(), e);
    }
  }

  /** What {@code --auth-user} or {@code ~/.netrc} (in {@code $HOME}) give for the scheduler's host. */
  private Optional<BasicCredentials> credentials(URI api) {
    Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    try {
      return new CredentialLookup(Optional.ofNullable(options.user),
          Optional.ofNullable(options.passwordFile), home).forHost(api.getHost());
    } catch (IllegalArgumentException e) {
      throw new ClientFailure(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** The {@code /api} address the options and environment name when no cluster is named. */
  URI apiUri() {
    return target(Optional.empty()).api();
  }

  /** Where the scheduler of {@code cluster} is (ZooKeeper is asked when that is the way). */
  Target target(Optional<String> cluster) {
    if (options.zk != null) {
      return direct(fromServerset(options.zk, options.serverset, ""));
    }
    if (options.scheduler != null) {
      return direct(fromUrl(options.scheduler, "--scheduler"));
    }
    String envUrl = env.get(URL_VARIABLE);
    if (cluster.isEmpty() || (cluster.get().equals(LOCAL) && envUrl != null)) {
      return direct(envUrl != null ? fromUrl(envUrl, "$" + URL_VARIABLE) : fromUrl(DEFAULT_URL, ""));
    }
    String name = cluster.get();
    Optional<ClusterConfig> config = clusters().find(name);
    if (config.isEmpty()) {
      if (name.equals(LOCAL)) {
        return direct(fromUrl(DEFAULT_URL, ""));
      }
      throw ClientFailure.invalidConfiguration("unknown cluster '" + name + "': "
          + clusters().whereLooked() + "; add it to a clusters.json or give --scheduler=URL");
    }
    return of(config.get());
  }

  private Target of(ClusterConfig cluster) {
    Optional<String> zk = cluster.zkConnect();
    if (zk.isPresent()) {
      URI api = fromServerset(zk.get(), cluster.schedulerZkPath(),
          "of cluster '" + cluster.name() + "' ");
      return new Target(api, cluster.proxyUrl().map(ThriftConnector::pageBase)
          .orElse(webBase(api)));
    }
    String uri = cluster.schedulerUri().orElseThrow();
    try {
      URI api = SchedulerFinder.fromBaseUri(uri);
      return new Target(api, webBase(api));
    } catch (IllegalArgumentException e) {
      throw ClientFailure.invalidConfiguration(cluster.file() + ": cluster '" + cluster.name()
          + "': bad scheduler_uri '" + uri + "': " + e.getMessage());
    }
  }

  private Clusters clusters() {
    if (clusters == null) {
      clusters = clusterSource.get();
    }
    return clusters;
  }

  private static Target direct(URI api) {
    return new Target(api, webBase(api));
  }

  private static URI fromServerset(String zk, String path, String whose) {
    try {
      return SchedulerFinder.fromServerset(zk, path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientFailure(ExitCodes.INTERRUPTED, "interrupted", e);
    } catch (IllegalStateException e) {
      throw new ClientFailure(ExitCodes.NETWORK_ERROR, e.getMessage(), e);
    } catch (Exception e) {
      throw new ClientFailure(ExitCodes.NETWORK_ERROR, "cannot find the scheduler " + whose
          + "in ZooKeeper " + zk + " at " + path + ": " + e.getMessage(), e);
    }
  }

  private static URI fromUrl(String url, String source) {
    try {
      URI api = SchedulerFinder.fromUrl(url);
      if (api.getScheme() == null || api.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return api;
    } catch (IllegalArgumentException e) {
      throw new ClientFailure(ExitCodes.USAGE, "bad scheduler URL '" + url + "'"
          + (source.isEmpty() ? "" : " (" + source + ")") + ": " + e.getMessage());
    }
  }

  /** The web pages' base: the {@code /api} address without {@code /api}. */
  static URI webBase(URI api) {
    String text = api.toString();
    return URI.create(text.endsWith("/api") ? text.substring(0, text.length() - 3) : text);
  }

  private static URI pageBase(String proxyUrl) {
    return URI.create(proxyUrl.endsWith("/") ? proxyUrl : proxyUrl + "/");
  }
}
