package io.aurora.server.discovery;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link ElectionScenarioIT}'s scenario against a real ZooKeeper 3.9 image; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ElectionScenarioContainerIT {

  private static final int CLIENT_PORT = 2181;

  @Container
  private static final GenericContainer<?> ZOOKEEPER =
      new GenericContainer<>("zookeeper:3.9").withExposedPorts(CLIENT_PORT);

  @Test
  void twoContenders_oneLeads_announces_andTheOtherTakesOverWhenItsSessionEnds() throws Exception {
    ElectionScenario.run(ZOOKEEPER.getHost() + ":" + ZOOKEEPER.getMappedPort(CLIENT_PORT));
  }
}
