package io.aurora.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServersetCodecTest {

  /** Aurora's member JSON (reference section 9) plus our thrift endpoint, byte for byte. */
  static final String SCHEDULER_JSON =
      "{\"serviceEndpoint\":{\"host\":\"sched-1.example.com\",\"port\":8081},"
          + "\"additionalEndpoints\":{\"http\":{\"host\":\"sched-1.example.com\",\"port\":8081},"
          + "\"thrift\":{\"host\":\"sched-1.example.com\",\"port\":8082}},\"status\":\"ALIVE\"}";

  private final ServersetCodec codec = new ServersetCodec();

  @Test
  void encode_scheduler_isAurorasExactJson() {
    ServiceInstance member = ServiceInstance.scheduler("sched-1.example.com", 8081, "http", 8082);

    assertThat(new String(codec.encode(member), StandardCharsets.UTF_8)).isEqualTo(SCHEDULER_JSON);
  }

  @Test
  void encode_endpointName_isTheKeyOfTheHttpEndpoint() {
    ServiceInstance member = ServiceInstance.scheduler("h", 443, "https", 8082);

    assertThat(new String(codec.encode(member), StandardCharsets.UTF_8))
        .contains("\"additionalEndpoints\":{\"https\":{\"host\":\"h\",\"port\":443},\"thrift\"");
  }

  @Test
  void decode_roundTrips() {
    ServiceInstance member = ServiceInstance.scheduler("sched-1.example.com", 8081, "http", 8082);

    ServiceInstance decoded = codec.decode(SCHEDULER_JSON.getBytes(StandardCharsets.UTF_8));

    assertThat(decoded).isEqualTo(member);
    assertThat(decoded.additionalEndpoints().keySet()).containsExactly("http", "thrift");
  }

  @Test
  void decode_auroraMemberWithoutThrift_andUnknownFields() {
    String aurora =
        "{\"serviceEndpoint\":{\"host\":\"a\",\"port\":1},\"additionalEndpoints\":"
            + "{\"http\":{\"host\":\"a\",\"port\":1}},\"status\":\"ALIVE\",\"shard\":0}";

    ServiceInstance decoded = codec.decode(aurora.getBytes(StandardCharsets.UTF_8));

    assertThat(decoded.serviceEndpoint()).isEqualTo(new Endpoint("a", 1));
    assertThat(decoded.additionalEndpoints()).isEqualTo(Map.of("http", new Endpoint("a", 1)));
    assertThat(decoded.status()).isEqualTo(ServiceInstance.Status.ALIVE);
  }

  @Test
  void decode_minimal_defaultsToNoExtrasAndUnknownStatus() {
    ServiceInstance decoded =
        codec.decode(bytes("{\"serviceEndpoint\":{\"host\":\"a\",\"port\":2}}"));

    assertThat(decoded.additionalEndpoints()).isEmpty();
    assertThat(decoded.status()).isEqualTo(ServiceInstance.Status.UNKNOWN);
  }

  @Test
  void decode_broken_saysWhatIsWrong() {
    assertThatThrownBy(() -> codec.decode(bytes("not json")))
        .isInstanceOf(ServersetFormatException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> codec.decode(bytes("[1]")))
        .isInstanceOf(ServersetFormatException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> codec.decode(bytes(""))).isInstanceOf(ServersetFormatException.class);
    assertThatThrownBy(() -> codec.decode(bytes("{\"status\":\"ALIVE\"}")))
        .isInstanceOf(ServersetFormatException.class)
        .hasMessageContaining("no serviceEndpoint");
    assertThatThrownBy(() -> codec.decode(bytes("{\"serviceEndpoint\":{\"port\":1}}")))
        .isInstanceOf(ServersetFormatException.class)
        .hasMessageContaining("serviceEndpoint has no host");
    assertThatThrownBy(() -> codec.decode(bytes("{\"serviceEndpoint\":{\"host\":\"a\"}}")))
        .isInstanceOf(ServersetFormatException.class)
        .hasMessageContaining("serviceEndpoint has no integer port");
    assertThatThrownBy(
            () -> codec.decode(bytes("{\"serviceEndpoint\":{\"host\":\"a\",\"port\":\"80\"}}")))
        .isInstanceOf(ServersetFormatException.class)
        .hasMessageContaining("no integer port");
    assertThatThrownBy(
            () -> codec.decode(bytes("{\"serviceEndpoint\":{\"host\":\"a\",\"port\":70000}}")))
        .isInstanceOf(ServersetFormatException.class)
        .hasMessageContaining("out of range");
    String httpWithoutPort =
        "{\"serviceEndpoint\":{\"host\":\"a\",\"port\":1},"
            + "\"additionalEndpoints\":{\"http\":{\"host\":\"a\"}}}";
    assertThatThrownBy(() -> codec.decode(bytes(httpWithoutPort)))
        .isInstanceOf(ServersetFormatException.class)
        .hasMessageContaining("additionalEndpoints.http has no integer port");
  }

  @Test
  void scheduler_rejectsEndpointNameThatWouldCollide() {
    assertThatThrownBy(() -> ServiceInstance.scheduler("h", 1, "thrift", 2))
        .hasMessageContaining("'thrift'");
    assertThatThrownBy(() -> ServiceInstance.scheduler("h", 1, "", 2))
        .hasMessageContaining("non-empty");
  }

  @Test
  void members_leaderOnlyWhenExactlyOneDecodableMember() {
    ServiceInstance a = ServiceInstance.scheduler("a", 1, "http", 2);
    ServiceInstance b = ServiceInstance.scheduler("b", 1, "http", 2);

    assertThat(new ServersetMonitor.Members(Map.of()).leader()).isEmpty();
    assertThat(new ServersetMonitor.Members(Map.of("member_1", java.util.Optional.of(a))).leader())
        .contains(a);
    assertThat(
            new ServersetMonitor.Members(
                    Map.of(
                        "member_1", java.util.Optional.of(a), "member_2", java.util.Optional.of(b)))
                .leader())
        .isEmpty();
    assertThat(
            new ServersetMonitor.Members(Map.of("member_1", java.util.Optional.empty())).leader())
        .isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
