package io.aurora.server.client.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetrcTest {
  private static final String FILE = String.join("\n",
      "# a comment",
      "machine aurora.example.com login alice password s3cret",
      "macdef init",
      "machine evil login mallory password nope",
      "",
      "machine ops.example.com account svc password p",
      "default login guest password g",
      "");

  @Test
  void theHostsEntry_thenTheDefault_accountWhenNoLogin_andMacrosSkipped() {
    Netrc netrc = Netrc.parse(FILE);
    assertThat(netrc.forHost("aurora.example.com", "~/.netrc")).hasValueSatisfying(c -> {
      assertThat(c.user()).isEqualTo("alice");
      assertThat(c.password()).isEqualTo("s3cret");
    });
    assertThat(netrc.forHost("ops.example.com", "~/.netrc").map(BasicCredentials::user))
        .hasValue("svc");
    assertThat(netrc.forHost("evil", "~/.netrc").map(BasicCredentials::user)).hasValue("guest");
    assertThat(netrc.forHost("elsewhere", "~/.netrc").map(BasicCredentials::user))
        .hasValue("guest");
    assertThat(Netrc.parse("machine a login x password y").forHost("b", "f")).isEmpty();
  }

  @Test
  void credentials_neverPrintThePassword() {
    BasicCredentials c = new BasicCredentials("alice", "s3cret", "~/.netrc");
    assertThat(c.toString()).doesNotContain("s3cret");
    assertThat(c.header()).isEqualTo("Basic YWxpY2U6czNjcmV0");
  }
}
