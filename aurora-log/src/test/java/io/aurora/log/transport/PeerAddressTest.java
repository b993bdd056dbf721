package io.aurora.log.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeerAddressTest {
  @Test
  void parse_hostAndPort() {
    assertThat(PeerAddress.parse("10.0.0.5:8083")).isEqualTo(new PeerAddress("10.0.0.5", 8083));
    assertThat(PeerAddress.parse(" node-1.example:1 ")).isEqualTo(new PeerAddress("node-1.example", 1));
  }

  @Test
  void parse_bracketedIpv6_andToStringRoundTrips() {
    PeerAddress v6 = PeerAddress.parse("[::1]:9000");
    assertThat(v6).isEqualTo(new PeerAddress("::1", 9000));
    assertThat(v6.toString()).isEqualTo("[::1]:9000");
    assertThat(PeerAddress.parse(new PeerAddress("h", 2).toString())).isEqualTo(new PeerAddress("h", 2));
  }

  @Test
  void parse_rejectsMalformedText_namingIt() {
    for (String bad : new String[] {"host", "host:", ":80", "host:port", "host:70000"}) {
      assertThatThrownBy(() -> PeerAddress.parse(bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> PeerAddress.parse("nohost")).hasMessageContaining("nohost");
  }
}
