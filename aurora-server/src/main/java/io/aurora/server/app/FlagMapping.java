package io.aurora.server.app;

import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
import io.aurora.server.ServerOptions;
import io.aurora.server.flags.CoreFlags;
import io.aurora.server.flags.ServerFlags;
import io.aurora.server.thrift.ThriftTcpOptions;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles the {@link DaemonConfig} from the flag groups, each of which builds the records of
 * the code that reads its flags. Pure: the addresses of the embedded ZooKeeper and Mesos master,
 * when those run, are passed in already resolved.
 */
public final class FlagMapping {
  private FlagMapping() {}

  /**
   * @param options the parsed flags
   * @param env the process environment ({@code LIBPROCESS_IP}, {@code LIBPROCESS_PORT})
   * @param zkConnectString the ensemble, e.g. the embedded server's {@code 127.0.0.1:port}
   * @param mesosMaster the master's address ({@code local} already replaced by the embedded one)
   * @param localHostName this machine's name, advertised when neither -hostname nor -ip is set
   */
  public static DaemonConfig map(ServerOptions options, Map<String, String> env,
      String zkConnectString, String mesosMaster, String localHostName) {
    ServerFlags flags = options.serverFlags();
    CoreFlags core = flags.core();
    String host = options.hostname().or(core::ip).orElse(localHostName);
    return new DaemonConfig(
        options,
        host,
        flags.zooKeeper().toZooKeeperConfig(zkConnectString),
        flags.storage().toLogOptions(env, host),
        flags.storage().toStorageOptions(),
        withWebUi(flags.mesos().toFrameworkOptions(options.hostname()),
            core.serversetEndpointName(), host, core.httpPort()),
        MesosClientOptions.defaults(),
        mesosMaster,
        flags.mesos().maxRegistrationDelay(),
        core.toAdminServerConfig(),
        ThriftTcpOptions.of(core.ip().orElse(CoreFlags.ALL_INTERFACES), options.thriftPort()),
        flags.toSchedulerRuntimeOptions(host),
        flags.toApiOptions(),
        flags.security().toHttpAuthOptions());
  }

  /**
   * Aurora's framework {@code webui_url}, {@code <scheme>://<host>:<port>} with no path (the
   * master's link opens {@code /}, which leads to the UI). Only with a fixed {@code -http_port}:
   * with port 0 the port is chosen after the framework options are built, and the master shows
   * no link.
   */
  static FrameworkOptions withWebUi(FrameworkOptions f, String scheme, String host, int port) {
    if (port == 0 || f.webuiUrl().isPresent()) {
      return f;
    }
    return new FrameworkOptions(f.name(), f.user(), f.failoverTimeout(), f.role(), f.principal(),
        f.capabilities(), f.hostname(), Optional.of(scheme + "://" + host + ":" + port));
  }
}
