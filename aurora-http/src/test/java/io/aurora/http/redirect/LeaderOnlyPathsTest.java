package io.aurora.http.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeaderOnlyPathsTest {
  private final LeaderOnlyPaths paths = new LeaderOnlyPaths();

  @Test
  void auroraLeaderPages_match_withSubpaths() {
    assertThat(paths.matches("/api")).isTrue();
    assertThat(paths.matches("/apibeta")).isTrue();
    assertThat(paths.matches("/apibeta/getJobs")).isTrue();
    assertThat(paths.matches("/mname/www/prod/hello/0/x")).isTrue();
    assertThat(paths.matches("/slaves")).isTrue();
    assertThat(paths.matches("/quotas")).isTrue();
    assertThat(paths.matches("/assets/scheduler")).isTrue();
    assertThat(paths.matches("/assets/scheduler/index.html")).isTrue();
    assertThat(paths.matches("/assets/scheduler.js")).isTrue();
    assertThat(paths.matches("/scheduler")).isTrue();
    assertThat(paths.matches("/scheduler/www/prod/hello")).isTrue();
    assertThat(paths.matches("/updates")).isTrue();
    assertThat(paths.matches("/assets/ui/aurora.0123456789.css")).isFalse();
  }

  @Test
  void localPages_andLookalikes_doNotMatch() {
    for (String p : new String[] {"/health", "/leaderhealth", "/vars", "/vars.json", "/metrics",
        "/quitquitquit", "/abortabortabort", "/apiclient", "/apix", "/stateful", "/assets/other", "/", ""}) {
      assertThat(paths.matches(p)).as(p).isFalse();
    }
  }

  @Test
  void leaderEndpoint_validatesAndBracketsIpv6() {
    assertThat(new LeaderEndpoint("::1", 8081).authority()).isEqualTo("[::1]:8081");
    assertThat(new LeaderEndpoint("host-a", 8081).toString()).isEqualTo("host-a:8081");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LeaderEndpoint("h", 0)).hasMessageContaining("0");
  }
}
