package io.aurora.server.app;

import com.google.common.net.HostAndPort;
import io.aurora.http.AdminServerConfig;
import io.aurora.log.LogOptions;
import io.aurora.scheduling.JobOptions;
import io.aurora.scheduling.LifecycleOptions;
import io.aurora.scheduling.PruningOptions;
import io.aurora.scheduling.ReconciliationOptions;
import io.aurora.scheduling.ReschedulingOptions;
import io.aurora.scheduling.SchedulingOptions;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
import io.aurora.scheduling.offers.OfferOptions;
import io.aurora.scheduling.pruning.PruneOptions;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.runtime.TimerOptions;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.scheduling.thrift.TierSettings;
import io.aurora.server.ServerOptions;
import io.aurora.server.ZooKeeperOptions;
import io.aurora.server.flags.MesosFlags;
import io.aurora.server.flags.StorageFlags;
import io.aurora.server.thrift.ThriftTcpOptions;
import io.aurora.server.zk.DigestCredentials;
import io.aurora.server.zk.ZooKeeperConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;

/**
 * Maps the parsed flags onto every module's option record, in one place. Pure: the addresses of
 * the embedded ZooKeeper and Mesos master, when those run, are passed in already resolved.
 */
public final class FlagMapping {
  /** The address every port listens on when {@code -ip} is not set. */
  static final String ALL_INTERFACES = "0.0.0.0";

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
    MesosFlags mesos = options.serverFlags().mesos();
    String host = options.hostname().or(() -> options.http().bindAddress()).orElse(localHostName);
    String bind = options.http().bindAddress().orElse(ALL_INTERFACES);
    return new DaemonConfig(
        options,
        host,
        zooKeeper(options.zooKeeper(), zkConnectString),
        log(options.serverFlags().storage(), env, host),
        options.storage(),
        framework(mesos, options.hostname()),
        MesosClientOptions.defaults(),
        mesosMaster,
        mesos.maxRegistrationDelay(),
        new AdminServerConfig(bind, options.http().port(), 8, 64,
            AdminServerConfig.DEFAULT_API_MAX_BODY_BYTES),
        ThriftTcpOptions.of(bind, options.thriftPort()),
        scheduling(host, options.clusterName(), options.http().statsUrlPrefix(),
            options.scheduling()));
  }

  static ZooKeeperConfig zooKeeper(ZooKeeperOptions zk, String connectString) {
    ZooKeeperConfig config = ZooKeeperConfig.of(connectString)
        .withSessionTimeout(zk.sessionTimeout())
        .withConnectionTimeout(zk.connectionTimeout());
    if (zk.chrootPath().isPresent()) {
      config = config.withChrootPath(zk.chrootPath().get());
    }
    if (zk.digestCredentials().isPresent()) {
      config = config.withCredentials(DigestCredentials.parse(zk.digestCredentials().get()));
    }
    return config;
  }

  /**
   * The replica listens where {@code LIBPROCESS_IP}/{@code LIBPROCESS_PORT} say, as in Mesos
   * deployments; otherwise on the advertised host and a free port (published in the ZK group).
   */
  static LogOptions log(StorageFlags f, Map<String, String> env, String host) {
    HostAndPort address = LogOptions.replicaAddress(env, HostAndPort.fromParts(host, 0));
    return new LogOptions(f.nativeLogQuorumSize(), f.nativeLogFilePath(), address, List.of(),
        Optional.of(f.nativeLogZkGroupPath()), f.nativeLogElectionTimeout(),
        f.nativeLogElectionRetries(), f.nativeLogWriteTimeout(), f.nativeLogReadTimeout(),
        Duration.ofMillis(50));
  }

  static FrameworkOptions framework(MesosFlags f, Optional<String> hostname) {
    Set<Capability.Type> capabilities = EnumSet.noneOf(Capability.Type.class);
    if (f.partitionAware()) {
      capabilities.add(Capability.Type.PARTITION_AWARE);
    }
    if (f.receiveRevocableResources()) {
      capabilities.add(Capability.Type.REVOCABLE_RESOURCES);
    }
    if (f.allowGpuResource()) {
      capabilities.add(Capability.Type.GPU_RESOURCES);
    }
    return new FrameworkOptions(f.frameworkName(), f.executorUser(), f.frameworkFailoverTimeout(),
        f.mesosRole().orElse("*"), Optional.empty(), capabilities, hostname, Optional.empty());
  }

  static SchedulingRuntimeOptions scheduling(String host, String clusterName,
      String statsUrlPrefix, SchedulingOptions s) {
    io.aurora.scheduling.OfferOptions o = s.offers();
    ReschedulingOptions r = s.rescheduling();
    LifecycleOptions l = s.lifecycle();
    ReconciliationOptions c = s.reconciliation();
    PruningOptions p = s.pruning();
    JobOptions j = s.jobs();
    SchedulerRuntimeOptions runtime = new SchedulerRuntimeOptions(
        host,
        new ExecutorSettings(j.executorCpus(), j.executorRamBytes() >> 20, "", List.of(), ""),
        new OfferOptions(o.minOfferHoldTime(), o.offerHoldJitterWindow(), o.offerFilterDuration(),
            o.holdOffersForever()),
        new RescheduleOptions(r.flappingTaskThreshold(), r.initialFlappingTaskDelay(),
            r.maxFlappingTaskDelay()),
        new TimerOptions(l.transientTaskStateTimeout(), l.initialTaskKillRetryInterval()),
        new ReconcileOptions(c.initialDelay(), c.explicitInterval(), c.implicitInterval(),
            c.scheduleSpread(), c.explicitBatchSize(), c.explicitBatchInterval()),
        new PruneOptions(p.historyPruneThreshold(), p.historyMinRetentionThreshold(),
            p.historyMaxPerJobThreshold(), PruneOptions.DEFAULTS.interval()),
        l.maxStatusUpdateBatchSize(),
        SchedulerRuntimeOptions.DEFAULTS.schedulingInterval(),
        SchedulerRuntimeOptions.DEFAULTS.timerTick(),
        s.placement(),
        r.maxRescheduleTaskDelayOnStartup());
    return new SchedulingRuntimeOptions(runtime,
        new ApiOptions(clusterName, statsUrlPrefix, Pattern.compile(j.allowedJobEnvironments()),
            j.maxTasksPerJob(), TierSettings.DEFAULTS));
  }
}
