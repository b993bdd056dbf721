package io.aurora.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.TaskQuery;
import io.aurora.http.FakeAuroraAdmin;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.apache.thrift.TApplicationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThriftCallTest {
  private final FakeAuroraAdmin fake = new FakeAuroraAdmin();
  private final ThriftCall call = new ThriftCall(new AuroraAdmin.Processor<>(fake.iface()));

  @ParameterizedTest
  @EnumSource(ThriftProtocols.class)
  void validCall_isServedInEitherProtocolPair(ThriftProtocols in) throws Exception {
    for (ThriftProtocols out : ThriftProtocols.values()) {
      ApiResponse r = call.execute(ThriftMessages.getRoleSummary(in), in, out);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.contentType()).isEqualTo(out.mediaType());
      assertThat(ThriftMessages.readRoleSummary(out, r.body()).getResponseCode()).isEqualTo(ResponseCode.OK);
    }
    assertThat(fake.calls).containsExactly("getRoleSummary", "getRoleSummary");
  }

  @Test
  void structArguments_reachTheService() throws Exception {
    TaskQuery query = new TaskQuery().setRole("www-data").setJobName("hello").setInstanceIds(Set.of(0, 1));
    ApiResponse r = call.execute(
        ThriftMessages.getTasksStatus(ThriftProtocols.JSON, query), ThriftProtocols.JSON, ThriftProtocols.BINARY);
    assertThat(r.status()).isEqualTo(200);
    assertThat(ThriftMessages.readTasksStatus(ThriftProtocols.BINARY, r.body()).getDetails().get(0).getMessage())
        .isEqualTo("getTasksStatus");
  }

  @Test
  void unknownMethod_is400WithMessage() {
    byte[] body = "[1,\"noSuchMethod\",1,0,{}]".getBytes(StandardCharsets.UTF_8);
    ApiResponse r = call.execute(body, ThriftProtocols.JSON, ThriftProtocols.JSON);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).startsWith("Bad Thrift request: ").contains("noSuchMethod");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void garbage_is400WithMessage() {
    ApiResponse r = call.execute("hello".getBytes(StandardCharsets.UTF_8), ThriftProtocols.JSON, ThriftProtocols.JSON);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).startsWith("Malformed Thrift request: ").doesNotContain("\tat ");
  }

  @Test
  void truncatedBinary_is400() throws Exception {
    byte[] full = ThriftMessages.getTasksStatus(ThriftProtocols.BINARY, new TaskQuery().setRole("r"));
    for (int len = 0; len < full.length; len++) {
      ApiResponse r = call.execute(Arrays.copyOf(full, len), ThriftProtocols.BINARY, ThriftProtocols.BINARY);
      assertThat(r.status()).as("prefix of %s bytes", len).isEqualTo(400);
      assertThat(r.bodyText()).isNotBlank();
    }
  }

  @Test
  void hugeDeclaredStringLength_failsWithoutAllocating() {
    // Binary strict header for a CALL to getJobs, then field 1 (string) claiming 2^31-1 bytes.
    byte[] body = {
      (byte) 0x80, 0x01, 0x00, 0x01, 0, 0, 0, 7, 'g', 'e', 't', 'J', 'o', 'b', 's', 0, 0, 0, 1,
      11, 0, 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff
    };
    ApiResponse r = call.execute(body, ThriftProtocols.BINARY, ThriftProtocols.BINARY);
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void hugeDeclaredSetOfStructs_failsWithoutAllocating() {
    // getTasksStatus(TaskQuery{jobKeys (field 11): set<struct> claiming 0x1b000001 elements}):
    // found by ThriftApiFuzzIT; Thrift counts a struct as zero bytes, so it let this through.
    byte[] body = {
      (byte) 0x80, 0x01, 0x00, 0x01, 0, 0, 0, 14,
      'g', 'e', 't', 'T', 'a', 's', 'k', 's', 'S', 't', 'a', 't', 'u', 's', 0, 0, 0, 1,
      12, 0, 1, 14, 0, 11, 12, 0x1b, 0, 0, 1, 0, 0, 0
    };
    ApiResponse r = call.execute(body, ThriftProtocols.BINARY, ThriftProtocols.BINARY);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).contains("container declares 452984833 elements");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void serviceFailure_staysAThriftExceptionReply() throws Exception {
    fake.failOn = "getRoleSummary";
    ApiResponse r = call.execute(
        ThriftMessages.getRoleSummary(ThriftProtocols.BINARY), ThriftProtocols.BINARY, ThriftProtocols.BINARY);
    assertThat(r.status()).isEqualTo(200);
    try {
      ThriftMessages.readRoleSummary(ThriftProtocols.BINARY, r.body());
      throw new AssertionError("expected a TApplicationException");
    } catch (TApplicationException e) {
      assertThat(e.getType()).isEqualTo(TApplicationException.INTERNAL_ERROR);
      assertThat(e.getMessage()).contains("getRoleSummary");
    }
  }
}
