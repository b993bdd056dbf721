package io.aurora.server;

import io.aurora.server.flags.FlagSet;
import io.aurora.server.flags.ServerFlags;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduler process's own settings (identity, election, ports), checked once in {@link Main},
 * plus every flag as a listable {@link FlagSet}. The modules' option records are built from the
 * flag groups ({@link #serverFlags()}) where the daemon is assembled
 * ({@code io.aurora.server.app.FlagMapping}); {@link #from} has already checked them.
 *
 * @param clusterName the cluster's name ({@code -cluster_name})
 * @param serversetPath ZooKeeper path of the leader election and serverset ({@code -serverset_path})
 * @param serversetEndpointName key of the HTTP endpoint in the serverset entry ({@code -serverset_endpoint_name})
 * @param hostname the advertised host name, if not this machine's ({@code -hostname})
 * @param thriftPort the Thrift TCP port, 0 for any ({@code -thrift_port})
 * @param maxLeadingDuration voluntary step-down period ({@code -max_leading_duration})
 * @param asyncWorkerThreads size of the shared background pool ({@code -async_worker_threads})
 * @param flags every flag and its value
 */
public record ServerOptions(
    String clusterName,
    String serversetPath,
    String serversetEndpointName,
    Optional<String> hostname,
    int thriftPort,
    Duration maxLeadingDuration,
    int asyncWorkerThreads,
    FlagSet flags) {
  public ServerOptions {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(serversetPath, "serversetPath");
    Objects.requireNonNull(serversetEndpointName, "serversetEndpointName");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(maxLeadingDuration, "maxLeadingDuration");
    Objects.requireNonNull(flags, "flags");
    if (clusterName.isBlank()) {
      throw new IllegalArgumentException("-cluster_name must not be empty");
    }
    if (!serversetPath.startsWith("/")) {
      throw new IllegalArgumentException(
          "-serverset_path must be an absolute ZooKeeper path, got '" + serversetPath + "'");
    }
    if (thriftPort < 0 || thriftPort > 65535) {
      throw new IllegalArgumentException("-thrift_port must be between 0 and 65535, got " + thriftPort);
    }
    if (maxLeadingDuration.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException("-max_leading_duration must be positive, got " + maxLeadingDuration);
    }
    if (asyncWorkerThreads < 1) {
      throw new IllegalArgumentException("-async_worker_threads must be at least 1, got " + asyncWorkerThreads);
    }
  }

  /**
   * Builds the options from parsed flags.
   *
   * @throws IllegalArgumentException with a one-line message naming the flag, if values contradict
   */
  public static ServerOptions from(FlagSet flags) {
    ServerFlags f = (ServerFlags) flags.root();
    f.check();
    return new ServerOptions(
        f.core().clusterName(),
        f.core().serversetPath(),
        f.core().serversetEndpointName(),
        f.core().hostname(),
        f.core().thriftPort(),
        f.core().maxLeadingDuration(),
        f.core().asyncWorkerThreads(),
        flags);
  }

  /** The parsed flag groups, which build the modules' option records. */
  public ServerFlags serverFlags() {
    return (ServerFlags) flags.root();
  }
}
