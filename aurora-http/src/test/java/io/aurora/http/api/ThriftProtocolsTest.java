package io.aurora.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThriftProtocolsTest {
  @Test
  void contentType_picksRequestProtocol() {
    assertThat(ThriftProtocols.forContentType("application/vnd.apache.thrift.binary")).contains(ThriftProtocols.BINARY);
    assertThat(ThriftProtocols.forContentType("Application/VND.apache.thrift.binary; charset=x")).contains(ThriftProtocols.BINARY);
    assertThat(ThriftProtocols.forContentType("application/vnd.apache.thrift.json")).contains(ThriftProtocols.JSON);
    assertThat(ThriftProtocols.forContentType("application/json; charset=UTF-8")).contains(ThriftProtocols.JSON);
    assertThat(ThriftProtocols.forContentType("application/x-thrift")).contains(ThriftProtocols.JSON);
    assertThat(ThriftProtocols.forContentType(null)).contains(ThriftProtocols.JSON);
    assertThat(ThriftProtocols.forContentType("")).contains(ThriftProtocols.JSON);
  }

  @Test
  void contentType_othersAreUnsupported() {
    assertThat(ThriftProtocols.forContentType("text/plain")).isEmpty();
    assertThat(ThriftProtocols.forContentType("application/x-www-form-urlencoded")).isEmpty();
  }

  @Test
  void accept_binaryOnlyWhenNamed() {
    assertThat(ThriftProtocols.forAccept("application/vnd.apache.thrift.binary")).isEqualTo(ThriftProtocols.BINARY);
    assertThat(ThriftProtocols.forAccept("text/html, application/vnd.apache.thrift.binary;q=0.9")).isEqualTo(ThriftProtocols.BINARY);
    assertThat(ThriftProtocols.forAccept("*/*")).isEqualTo(ThriftProtocols.JSON);
    assertThat(ThriftProtocols.forAccept(null)).isEqualTo(ThriftProtocols.JSON);
  }
}
