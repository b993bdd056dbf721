package io.aurora.scheduling.mesos.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.aurora.scheduling.mesos.Calls;
import io.aurora.scheduling.mesos.recordio.RecordIoDecoder;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.Test;

class MesosEncodingTest {
  private static final FrameworkID FW = FrameworkID.newBuilder().setValue("12220-3440-12532-2345").build();

  @Test
  void exactMediaTypes() {
    assertThat(MesosEncoding.PROTOBUF.mediaType()).isEqualTo("application/x-protobuf");
    assertThat(MesosEncoding.JSON.mediaType()).isEqualTo("application/json");
    assertThat(MesosEncoding.fromMediaType("application/json; charset=utf-8")).isEmpty();
    assertThat(MesosEncoding.fromMediaType("application/x-protobuf")).contains(MesosEncoding.PROTOBUF);
  }

  @Test
  void json_usesProtoFieldNames() {
    Call subscribe = Calls.subscribe(FrameworkInfo.newBuilder()
        .setUser("root").setName("aurora").setFailoverTimeout(1814400).setCheckpoint(true)
        .build(), Optional.of(FW));
    String json = new String(MesosEncoding.JSON.encode(subscribe), UTF_8);
    assertThat(json)
        .contains("\"type\":\"SUBSCRIBE\"")
        .contains("\"framework_id\":{\"value\":\"12220-3440-12532-2345\"}")
        .contains("\"framework_info\":")
        .contains("\"failover_timeout\":1814400")
        .doesNotContain("frameworkInfo", "failoverTimeout");

    Call decline = Calls.decline(FW, List.of(OfferID.newBuilder().setValue("o1").build()),
        Filters.newBuilder().setRefuseSeconds(5).build());
    assertThat(new String(MesosEncoding.JSON.encode(decline), UTF_8))
        .contains("\"offer_ids\":[{\"value\":\"o1\"}]", "\"refuse_seconds\":5.0");
  }

  @Test
  void json_acknowledgeCarriesBase64Uuid() throws Exception {
    byte[] uuid = new byte[16];
    uuid[15] = 1;
    Call ack = Calls.acknowledge(FW, TaskStatus.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue("t")).setState(TaskState.TASK_RUNNING)
        .setAgentId(AgentID.newBuilder().setValue("a")).setUuid(ByteString.copyFrom(uuid))
        .build()).orElseThrow();
    String json = new String(MesosEncoding.JSON.encode(ack), UTF_8);
    assertThat(json).contains("\"uuid\":\"AAAAAAAAAAAAAAAAAAAAAQ==\"");
    Call back = MesosEncoding.JSON.decode(json.getBytes(UTF_8), Call.newBuilder());
    assertThat(back).isEqualTo(ack);
  }

  @Test
  void json_parsesDocSubscribedEventFromRecordIo() throws Exception {
    String body = "{\"type\":\"SUBSCRIBED\",\"subscribed\":{\"framework_id\":"
        + "{\"value\":\"12220-3440-12532-2345\"},\"heartbeat_interval_seconds\":15}}";
    byte[] framed = (body.getBytes(UTF_8).length + "\n" + body).getBytes(UTF_8);
    byte[] record = new RecordIoDecoder(1 << 16).decode(framed).get(0);
    Event event = MesosEncoding.JSON.decode(record, Event.newBuilder());
    assertThat(event.getType()).isEqualTo(Event.Type.SUBSCRIBED);
    assertThat(event.getSubscribed().getFrameworkId()).isEqualTo(FW);
    assertThat(event.getSubscribed().getHeartbeatIntervalSeconds()).isEqualTo(15.0);
  }

  @Test
  void json_ignoresUnknownKeys_andParsesEnumsByName() throws Exception {
    String body = "{\"type\":\"UPDATE\",\"some_future_field\":1,\"update\":{\"status\":{"
        + "\"task_id\":{\"value\":\"t1\"},\"state\":\"TASK_FINISHED\","
        + "\"source\":\"SOURCE_EXECUTOR\",\"timestamp\":\"1.5\","
        + "\"uuid\":\"AAAAAAAAAAAAAAAAAAAAAQ==\"}}}";
    Event event = MesosEncoding.JSON.decode(body.getBytes(UTF_8), Event.newBuilder());
    TaskStatus status = event.getUpdate().getStatus();
    assertThat(status.getState()).isEqualTo(TaskState.TASK_FINISHED);
    assertThat(status.getTimestamp()).isEqualTo(1.5);
    assertThat(status.getUuid().byteAt(15)).isEqualTo((byte) 1);
  }

  @Test
  void decode_rejectsMissingRequiredFields() {
    // TaskStatus.task_id is required in the v1 proto.
    byte[] noTaskId = "{\"type\":\"UPDATE\",\"update\":{\"status\":{\"state\":\"TASK_RUNNING\"}}}"
        .getBytes(UTF_8);
    assertThatThrownBy(() -> MesosEncoding.JSON.decode(noTaskId, Event.newBuilder()))
        .isInstanceOf(InvalidProtocolBufferException.class).hasMessageContaining("task_id");
    assertThatThrownBy(() -> MesosEncoding.JSON.decode("{not json".getBytes(UTF_8),
        Event.newBuilder())).isInstanceOf(InvalidProtocolBufferException.class);
  }

  @Test
  void protobuf_roundTrips() throws Exception {
    Call kill = Calls.kill(FW, TaskID.newBuilder().setValue("t").build(), Optional.empty());
    assertThat((Call) MesosEncoding.PROTOBUF.decode(MesosEncoding.PROTOBUF.encode(kill),
        Call.newBuilder())).isEqualTo(kill);
  }
}
