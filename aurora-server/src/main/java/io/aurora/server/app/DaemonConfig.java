package io.aurora.server.app;

import io.aurora.http.AdminServerConfig;
import io.aurora.http.auth.HttpAuthOptions;
import io.aurora.log.LogOptions;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.server.ServerOptions;
import io.aurora.server.thrift.ThriftTcpOptions;
import io.aurora.server.zk.ZooKeeperConfig;
import io.aurora.storage.StorageOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the {@link SchedulerComponent} is built from: each module's option record, built
 * once from the flag groups by {@link FlagMapping}, with the embedded services' addresses resolved.
 *
 * @param server the process's own settings and every flag
 * @param advertisedHost the host published in ZooKeeper and used in redirects
 * @param zooKeeper how to reach ZooKeeper (the embedded server's address under {@code -zk_in_proc})
 * @param log the replica of the replicated log
 * @param storage snapshots, frames and backups
 * @param framework what the scheduler tells Mesos about itself
 * @param mesosClient the v1 HTTP client's transport settings
 * @param mesosMaster the master's address, {@code host:port} or {@code zk://...}
 * @param maxRegistrationDelay a new leader not subscribed within this exits
 * @param admin the admin HTTP server
 * @param thrift the Thrift TCP port
 * @param scheduling the scheduling runtime's options
 * @param api the Thrift API's limits and cluster name
 * @param auth how API callers authenticate (docs/security.md)
 */
public record DaemonConfig(
    ServerOptions server,
    String advertisedHost,
    ZooKeeperConfig zooKeeper,
    LogOptions log,
    StorageOptions storage,
    FrameworkOptions framework,
    MesosClientOptions mesosClient,
    String mesosMaster,
    Duration maxRegistrationDelay,
    AdminServerConfig admin,
    ThriftTcpOptions thrift,
    SchedulerRuntimeOptions scheduling,
    ApiOptions api,
    HttpAuthOptions auth) {
  public DaemonConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(advertisedHost, "advertisedHost");
    Objects.requireNonNull(zooKeeper, "zooKeeper");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(mesosClient, "mesosClient");
    Objects.requireNonNull(mesosMaster, "mesosMaster");
    Objects.requireNonNull(maxRegistrationDelay, "maxRegistrationDelay");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(thrift, "thrift");
    Objects.requireNonNull(scheduling, "scheduling");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(auth, "auth");
  }
}
