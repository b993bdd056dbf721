package io.aurora.scheduling.mesos.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedirectsTest {
  private static final URI REQUEST = URI.create("http://m1:5050/api/v1/scheduler");

  @Test
  void protocolRelativeLocation_asMastersSendIt() {
    assertThat(Redirects.resolve(REQUEST, "//m2:5050/api/v1/scheduler"))
        .isEqualTo(URI.create("http://m2:5050/api/v1/scheduler"));
  }

  @Test
  void bareHostPort_asTheDocsShowIt_keepsThePath() {
    assertThat(Redirects.resolve(REQUEST, "masterhost2:5050"))
        .isEqualTo(URI.create("http://masterhost2:5050/api/v1/scheduler"));
  }

  @Test
  void absoluteAndPathOnly() {
    assertThat(Redirects.resolve(REQUEST, "http://m3:1/x")).isEqualTo(URI.create("http://m3:1/x"));
    assertThat(Redirects.resolve(REQUEST, "/master/api/v1/scheduler"))
        .isEqualTo(URI.create("http://m1:5050/master/api/v1/scheduler"));
  }
}
