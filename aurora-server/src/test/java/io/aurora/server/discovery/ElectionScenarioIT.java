package io.aurora.server.discovery;

import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

class ElectionScenarioIT {

  @Test
  void twoContenders_oneLeads_announces_andTheOtherTakesOverWhenItsSessionEnds() throws Exception {
    try (TestingServer zk = new TestingServer()) {
      ElectionScenario.run(zk.getConnectString());
    }
  }
}
