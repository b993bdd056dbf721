package io.aurora.dist;

import io.aurora.server.bench.failover.ChildProcess;
import io.aurora.server.bench.failover.FailoverCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code bin/aurora-scheduler} of the unzipped distribution, as {@code ./run-local.sh} starts
 * it: in-process ZooKeeper, the embedded master running tasks as real processes, a one-replica log
 * under {@code data}, every port free on 127.0.0.1.
 *
 * @param url the scheduler's HTTP address
 * @param process the scheduler's process (the caller kills it)
 */
record LocalScheduler(String url, ChildProcess process) {
  static LocalScheduler start(Path home, Path data, String clusterName) throws IOException {
    return start(home, data, clusterName, List.of());
  }

  /** As {@link #start(Path, Path, String)}, with more flags (a repeated flag's last value wins). */
  static LocalScheduler start(Path home, Path data, String clusterName, List<String> extraFlags)
      throws IOException {
    Files.createDirectories(data);
    int http = FailoverCluster.freePort();
    List<String> command = List.of(home.resolve("bin/aurora-scheduler").toString(),
        "-cluster_name=" + clusterName, "-serverset_path=/aurora/scheduler",
        "-zk_in_proc", "-zk_endpoints=127.0.0.1:" + FailoverCluster.freePort(),
        "-mesos_master_address=local", "-native_log_quorum_size=1",
        "-native_log_file_path=" + data.resolve("log"),
        "-native_log_zk_group_path=/aurora/replicated-log",
        "-backup_dir=" + data.resolve("backups"), "-ip=127.0.0.1", "-hostname=127.0.0.1",
        "-http_port=" + http, "-thrift_port=" + FailoverCluster.freePort(),
        "-executor_user=" + System.getProperty("user.name"));
    command = new java.util.ArrayList<>(command);
    command.addAll(extraFlags);
    ChildProcess process = ChildProcess.start("aurora-scheduler", command, Map.of(
            "JAVA_HOME", System.getProperty("java.home"),
            "JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
            "LIBPROCESS_IP", "127.0.0.1",
            "LIBPROCESS_PORT", Integer.toString(FailoverCluster.freePort())),
        data.resolve("scheduler.out"));
    return new LocalScheduler("http://127.0.0.1:" + http, process);
  }
}
