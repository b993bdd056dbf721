package io.aurora.scheduling.mesos.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZkUrlTest {
  @Test
  void parsesServersPathAndCredentials() {
    assertThat(ZkUrl.parse("zk://u:p@zk1:2181,zk2:2181/mesos"))
        .isEqualTo(new ZkUrl("zk1:2181,zk2:2181", "/mesos", Optional.of("u:p")));
    assertThat(ZkUrl.parse("zk://zk1:2181")).isEqualTo(new ZkUrl("zk1:2181", "/", Optional.empty()));
    assertThat(ZkUrl.parse("zk://zk1:2181/a/b/").path()).isEqualTo("/a/b");
  }

  @Test
  void rejectsOtherSchemesAndEmptyServers() {
    assertThatThrownBy(() -> ZkUrl.parse("http://x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ZkUrl.parse("zk:///mesos"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void staticDetector_acceptsHostPort() {
    assertThat(new StaticMasterDetector("127.0.0.1:5050").leader().orElseThrow())
        .hasToString("http://127.0.0.1:5050");
    assertThatThrownBy(() -> new StaticMasterDetector("nohost"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
