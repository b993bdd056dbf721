package io.aurora.server.app;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link SchedulerScenario} against a real ZooKeeper 3.9 image; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class SchedulerContainerIT {
  private static final int CLIENT_PORT = 2181;

  @Container
  private static final GenericContainer<?> ZOOKEEPER =
      new GenericContainer<>("zookeeper:3.9").withExposedPorts(CLIENT_PORT);

  @TempDir Path dir;

  @Test
  void jobsCreatedOverBothProtocols_run_areKilled_andSurviveARestart() throws Exception {
    SchedulerScenario.run(ZOOKEEPER.getHost() + ":" + ZOOKEEPER.getMappedPort(CLIENT_PORT), dir);
  }
}
