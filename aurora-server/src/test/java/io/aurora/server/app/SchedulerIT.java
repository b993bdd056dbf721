package io.aurora.server.app;

import java.nio.file.Path;
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
}
