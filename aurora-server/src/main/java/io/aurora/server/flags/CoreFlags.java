package io.aurora.server.flags;

import io.aurora.http.AdminServerConfig;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The cluster's identity, the ports and the admin pages. */
public final class CoreFlags implements FlagGroup {
  /** The address every port listens on when {@code -ip} is not set. */
  public static final String ALL_INTERFACES = "0.0.0.0";

  @Option(names = "-cluster_name", required = true,
      description = "Name of the cluster; clients see it as ServerInfo.clusterName.")
  private String clusterName;

  @Option(names = "-serverset_path", required = true,
      description = "ZooKeeper path where schedulers elect a leader and the leader announces itself.")
  private String serversetPath;

  @Option(names = "-serverset_endpoint_name", defaultValue = "http",
      description = "Key of the HTTP endpoint in the leader's serverset entry (use https behind a TLS proxy).")
  private String serversetEndpointName;

  @Option(names = "-http_port", defaultValue = "0",
      description = "Port of the admin pages and /api (Thrift over HTTP); 0 picks a free port.")
  private int httpPort;

  @Option(names = "-thrift_port", defaultValue = "0",
      description = "Port of the Thrift API over TCP (framed binary protocol); 0 picks a free port.")
  private int thriftPort;

  @Option(names = "-ip",
      description = "Address the HTTP and Thrift ports listen on; unset means every interface.")
  private String ip;

  @Option(names = "-hostname",
      description = "Host name published in ZooKeeper and used in redirects; unset means this machine's name.")
  private String hostname;

  @Option(names = "-viz_job_url_prefix", defaultValue = "",
      description = "Prefix of the job statistics links that clients show (ServerInfo.statsUrlPrefix).")
  private String vizJobUrlPrefix;

  @Option(names = "-enable_cors_for",
      description = "Origin allowed to call /api from a browser: /api answers carry it as Access-Control-Allow-Origin and preflight requests are answered; unset allows none.")
  private String enableCorsFor;

  @Option(names = "-http_api_threads", defaultValue = "8",
      description = "Threads that run /api calls (ours; Aurora sizes its HTTP pool internally).")
  private int httpApiThreads;

  @Option(names = "-http_api_max_in_flight", defaultValue = "64",
      description = "/api calls admitted at once, running or queued; beyond it a call gets 503 (ours).")
  private int httpApiMaxInFlight;

  @Option(names = "-max_leading_duration", defaultValue = "1days",
      description = "The leader steps down after leading this long, so failover is exercised regularly.")
  private Duration maxLeadingDuration;

  @Option(names = "-async_worker_threads", defaultValue = "8",
      description = "Threads of the shared pool that runs background work (Mesos status update batches).")
  private int asyncWorkerThreads;

  @Option(names = "-stat_sampling_interval", defaultValue = "1secs",
      description = "How often /vars values are sampled into time series. (not yet used: arrives with /vars)")
  private Duration statSamplingInterval;

  @Option(names = "-stat_retention_period", defaultValue = "1hrs",
      description = "How long sampled /vars time series are kept. (not yet used: arrives with /vars)")
  private Duration statRetentionPeriod;

  @Option(names = "-async_slot_stat_update_interval", defaultValue = "1mins",
      description = "How often cluster slot statistics are computed. (not yet used: arrives with slot metrics)")
  private Duration asyncSlotStatUpdateInterval;

  @Option(names = "-async_task_stat_update_interval", defaultValue = "1hrs",
      description = "How often task resource statistics are computed. (not yet used: arrives with resource metrics)")
  private Duration asyncTaskStatUpdateInterval;

  @Override
  public String title() {
    return "Core and HTTP";
  }

  /** The admin server's settings; it listens on {@code -ip}, or on every interface. */
  public AdminServerConfig toAdminServerConfig() {
    return new AdminServerConfig(ip().orElse(ALL_INTERFACES), httpPort, httpApiThreads,
        httpApiMaxInFlight, AdminServerConfig.DEFAULT_API_MAX_BODY_BYTES,
        Optional.ofNullable(enableCorsFor));
  }

  /** {@code -ip}: the address the ports listen on, if not every interface. */
  public Optional<String> ip() {
    return Optional.ofNullable(ip);
  }

  public String vizJobUrlPrefix() {
    return vizJobUrlPrefix;
  }

  public String clusterName() {
    return clusterName;
  }

  public String serversetPath() {
    return serversetPath;
  }

  public String serversetEndpointName() {
    return serversetEndpointName;
  }

  public int thriftPort() {
    return thriftPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public Optional<String> hostname() {
    return Optional.ofNullable(hostname);
  }

  public Duration maxLeadingDuration() {
    return maxLeadingDuration;
  }

  public int asyncWorkerThreads() {
    return asyncWorkerThreads;
  }
}
