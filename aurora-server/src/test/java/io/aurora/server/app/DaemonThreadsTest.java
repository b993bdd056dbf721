package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.server.ServerCommandLine;
import io.aurora.server.ServerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
  private static DaemonThreads threads(String... extra) {
    List<String> args = new ArrayList<>(List.of("-cluster_name=test",
        "-serverset_path=/aurora/scheduler", "-zk_endpoints=127.0.0.1:2181",
        "-mesos_master_address=127.0.0.1:5050", "-native_log_file_path=/tmp/x/log",
        "-native_log_zk_group_path=/aurora/log", "-backup_dir=/tmp/x/backups"));
    args.addAll(List.of(extra));
    ServerCommandLine.Outcome outcome = ServerCommandLine.parse(args.toArray(new String[0]));
    assertThat(outcome).isInstanceOf(ServerCommandLine.Run.class);
    ServerOptions options = ((ServerCommandLine.Run) outcome).options();
    return new DaemonThreads(FlagMapping.map(options, Map.of(), "127.0.0.1:2181",
        "127.0.0.1:5050", "box"));
  }

  @Test
  void theSharedBackgroundPool_hasAsyncWorkerThreadsThreads() {
    DaemonThreads threads = threads("-async_worker_threads=3");
    try {
      assertThat(((ThreadPoolExecutor) threads.async).getMaximumPoolSize()).isEqualTo(3);
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void theCronPool_hasCronSchedulerNumThreadsThreads() {
    DaemonThreads threads = threads("-cron_scheduler_num_threads=4");
    try {
      assertThat(((ThreadPoolExecutor) threads.cron).getMaximumPoolSize()).isEqualTo(4);
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void everyThread_isNamedForItsJob_andNoneOutlivesShutdown() throws Exception {
    DaemonThreads threads = threads();
    List<Future<String>> names = new ArrayList<>();
    for (ExecutorService pool : List.of(threads.storage, threads.commit, threads.driver,
        threads.mesosHttp, threads.scheduling, threads.lifecycle, threads.election,
        threads.async, threads.cron)) {
      names.add(pool.submit(() -> Thread.currentThread().getName()));
    }
    List<String> seen = new ArrayList<>();
    for (Future<String> name : names) {
      seen.add(name.get(10, TimeUnit.SECONDS));
    }
    assertThat(seen).containsExactly("aurora-storage-1", "aurora-commit-1",
        "aurora-mesos-driver-1", "aurora-mesos-http-1", "aurora-scheduling-1",
        "aurora-lifecycle-1", "aurora-election-1", "aurora-async-1", "aurora-cron-1");
    assertThat(threads.alive()).hasSize(seen.size()).allMatch(Thread::isDaemon);

    threads.shutdown();

    // A pool is terminated just before its last thread returns: wait for the threads to end.
    await("the pools' threads to end").atMost(SchedulerScenario.WAIT)
        .until(() -> threads.alive().isEmpty());
  }
}
