package io.aurora.server.client;

import io.aurora.gen.AuroraAdmin;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.SchedulerConnector;
import io.aurora.server.client.cli.SchedulerHandle;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.transport.TTransportException;

/**
 * The command line's {@link SchedulerConnector}: every cluster is the scheduler the global options
 * name ({@code --zk} and {@code --serverset}, else {@code --scheduler}, else {@code
 * $AURORA_SCHEDULER_URL}, else {@code http://127.0.0.1:8081}), spoken to with Thrift over HTTP.
 * The options are read when a command connects, after picocli has filled them.
 */
final class ThriftConnector implements SchedulerConnector {
  static final String BINARY = "application/vnd.apache.thrift.binary";
  static final String JSON = "application/vnd.apache.thrift.json";
  /** The address {@code ./run-local.sh} serves. */
  static final String DEFAULT_URL = "http://127.0.0.1:8081";
  /** How long one HTTP exchange with the scheduler may take. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final ConnectionOptions options;
  private final Map<String, String> env;

  ThriftConnector(ConnectionOptions options, Map<String, String> env) {
    this.options = Objects.requireNonNull(options, "options");
    this.env = Map.copyOf(env);
  }

  @Override
  public SchedulerHandle connect(Optional<String> cluster) {
    URI api = apiUri();
    String mediaType = options.binary ? BINARY : JSON;
    try {
      HttpThriftTransport transport = new HttpThriftTransport(api, mediaType, CALL_TIMEOUT);
      AuroraAdmin.Iface client = new AuroraAdmin.Client(options.binary
          ? new TBinaryProtocol(transport) : new TJSONProtocol(transport));
      return new SchedulerHandle(client, webBase(api));
    } catch (TTransportException e) {
      throw new ClientFailure(ExitCodes.NETWORK_ERROR, e.getMessage(), e);
    }
  }

  /** The {@code /api} address the options and environment name (ZooKeeper is asked for --zk). */
  URI apiUri() {
    if (options.zk != null) {
      try {
        return SchedulerFinder.fromServerset(options.zk, options.serverset);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClientFailure(ExitCodes.INTERRUPTED, "interrupted", e);
      } catch (IllegalStateException e) {
        throw new ClientFailure(ExitCodes.NETWORK_ERROR, e.getMessage(), e);
      } catch (Exception e) {
        throw new ClientFailure(ExitCodes.NETWORK_ERROR, "cannot find the scheduler in ZooKeeper "
            + options.zk + " at " + options.serverset + ": " + e.getMessage(), e);
      }
    }
    String url = options.scheduler != null ? options.scheduler
        : env.getOrDefault("AURORA_SCHEDULER_URL", DEFAULT_URL);
    try {
      URI api = SchedulerFinder.fromUrl(url);
      if (api.getScheme() == null || api.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return api;
    } catch (IllegalArgumentException e) {
      throw new ClientFailure(ExitCodes.USAGE, "bad scheduler URL '" + url + "': " + e.getMessage());
    }
  }

  /** The web pages' base: the {@code /api} address without {@code /api}. */
  static URI webBase(URI api) {
    String text = api.toString();
    return URI.create(text.endsWith("/api") ? text.substring(0, text.length() - 3) : text);
  }
}
