package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SchedulerScenario} against Curator's in-process ZooKeeper. */
class SchedulerIT {
  @TempDir Path dir;

  @Test
  void jobsCreatedOverBothProtocols_run_areKilled_andSurviveARestart() throws Exception {
    try (TestingServer zk = new TestingServer()) {
      SchedulerScenario.run(zk.getConnectString(), dir);
    }
  }

  @Test
  void losingTheZooKeeperSession_endsTheProcessWithStatusOne() throws Exception {
    try (TestingServer zk = new TestingServer();
        LocalMesos mesos = LocalMesos.start(LocalMesosOptions.defaults(dir.resolve("mesos")),
            Clock.systemUTC())) {
      SchedulerComponent component = SchedulerScenario.component(zk.getConnectString(),
          mesos.address(), dir, "-zk_session_timeout=2secs");
      component.lifecycle().start();
      try {
        SchedulerScenario.eventually("ACTIVE",
            () -> component.lifecycle().state() == LifecycleState.ACTIVE);
        zk.stop();
        ProcessGuard.Exit exit = component.guard().await(Duration.ofSeconds(30)).orElseThrow();
        assertThat(exit.status()).isEqualTo(1);
        assertThat(exit.reason()).containsAnyOf("ZooKeeper session lost", "leadership lost");
      } finally {
        component.lifecycle().stop();
      }
    }
  }
}
