package io.aurora.server.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.Test;

class ZooKeeperConfigTest {

  @Test
  void of_commaList_keepsOrderAndUsesAuroraDefaults() {
    ZooKeeperConfig config = ZooKeeperConfig.of("zk1:2181, zk2.example.com:2182 ,10.0.0.3:2183");

    assertThat(config.connectString()).isEqualTo("zk1:2181,zk2.example.com:2182,10.0.0.3:2183");
    assertThat(config.sessionTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.chrootPath()).isEmpty();
    assertThat(config.credentials()).isEmpty();
  }

  @Test
  void parseServers_badEntries_nameTheEntry() {
    assertThatThrownBy(() -> ZooKeeperConfig.of("zk1")).hasMessageContaining("'zk1'");
    assertThatThrownBy(() -> ZooKeeperConfig.of("zk1:2181,,zk2:2181"))
        .hasMessageContaining("host:port");
    assertThatThrownBy(() -> ZooKeeperConfig.of("zk1:abc")).hasMessageContaining("'zk1:abc'");
    assertThatThrownBy(() -> ZooKeeperConfig.of("zk1:0")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> ZooKeeperConfig.of("zk1:2181:")).hasMessageContaining("'zk1:2181:'");
  }

  @Test
  void chroot_becomesNamespaceWithoutLeadingSlash() {
    ZooKeeperConfig config = ZooKeeperConfig.of("zk:2181").withChrootPath("/prod/aurora");

    assertThat(config.namespace()).contains("prod/aurora");
    assertThat(config.connectString()).isEqualTo("zk:2181");
  }

  @Test
  void chroot_invalid_isRejected() {
    ZooKeeperConfig base = ZooKeeperConfig.of("zk:2181");
    assertThatThrownBy(() -> base.withChrootPath("prod")).hasMessageContaining("'prod'");
    assertThatThrownBy(() -> base.withChrootPath("/prod/")).hasMessageContaining("'/prod/'");
    assertThatThrownBy(() -> base.withChrootPath("/")).hasMessageContaining("no chroot");
  }

  @Test
  void timeouts_mustBePositive() {
    ZooKeeperConfig base = ZooKeeperConfig.of("zk:2181");
    assertThatThrownBy(() -> base.withSessionTimeout(Duration.ZERO))
        .hasMessageContaining("session timeout");
    assertThatThrownBy(() -> base.withConnectionTimeout(Duration.ofMillis(-1)))
        .hasMessageContaining("connection timeout");
    assertThat(base.withSessionTimeout(Duration.ofSeconds(4)).sessionTimeout())
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void digestCredentials_splitAtFirstColon_andHidePassword() {
    DigestCredentials c = DigestCredentials.parse("aurora:s3cr:et");

    assertThat(c.user()).isEqualTo("aurora");
    assertThat(c.password()).isEqualTo("s3cr:et");
    assertThat(new String(c.authBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("aurora:s3cr:et");
    assertThat(c.toString()).doesNotContain("s3cr");
    assertThatThrownBy(() -> DigestCredentials.parse("nocolon"))
        .hasMessageContaining("user:password");
    assertThatThrownBy(() -> DigestCredentials.parse(":pw")).hasMessageContaining("user");
    assertThatThrownBy(() -> DigestCredentials.parse("user:")).hasMessageContaining("password");
  }

  @Test
  void acl_withCredentials_isEveryoneReadCreatorAll_elseOpen() {
    assertThat(CuratorClientFactory.acl(Optional.empty())).isEqualTo(ZooDefs.Ids.OPEN_ACL_UNSAFE);
    assertThat(CuratorClientFactory.acl(Optional.of(DigestCredentials.parse("u:p"))))
        .containsExactly(
            new ACL(ZooDefs.Perms.READ, new Id("world", "anyone")),
            new ACL(ZooDefs.Perms.ALL, new Id("auth", "")));
  }
}
