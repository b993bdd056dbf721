package io.aurora.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.api.Test;

/**
 * Bytes written by hand from the Thrift protocol specifications, independent of our generated
 * code: if an IDL edit changed what goes on the wire, these stop decoding to the expected values.
 */
class WireFixturesTest {

  @Test
  void binary_jobKey_isThreeStringFieldsAndStop() throws Exception {
    // type 0x0b (string), field id (i16), length (i32), bytes; 0x00 ends the struct.
    String expected = "0b0001" + "00000001" + "61"
        + "0b0002" + "00000001" + "62"
        + "0b0003" + "00000001" + "63"
        + "00";

    byte[] bytes =
        new TSerializer(new TBinaryProtocol.Factory()).serialize(new JobKey("a", "b", "c"));

    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
  }

  @Test
  void binary_taskEvent_decodesFromHandWrittenBytes() throws Exception {
    // 1: i64 (0x0a) timestamp = 1; 2: i32 (0x08) status = 2 (RUNNING); stop.
    byte[] bytes = HexFormat.of().parseHex(
        "0a0001" + "0000000000000001" + "080002" + "00000002" + "00");
    TaskEvent event = new TaskEvent();

    new TDeserializer(new TBinaryProtocol.Factory()).deserialize(event, bytes);

    assertThat(event).isEqualTo(new TaskEvent(1L, ScheduleStatus.RUNNING));
  }

  @Test
  void json_getTasksStatusCall_asAClientSendsIt() throws Exception {
    // A call message: [version, name, type (1 = call), seqid, args]. TaskQuery 5 = statuses
    // (RUNNING=2, PENDING=0), 11 = jobKeys.
    String call = "[1,\"getTasksStatus\",1,7,{\"1\":{\"rec\":{"
        + "\"5\":{\"set\":[\"i32\",2,2,0]},"
        + "\"11\":{\"set\":[\"rec\",1,{\"1\":{\"str\":\"www-data\"},\"2\":{\"str\":\"prod\"},"
        + "\"3\":{\"str\":\"hello\"}}]}}}}]";
    TProtocol in = new TJSONProtocol(
        new TMemoryInputTransport(call.getBytes(StandardCharsets.UTF_8)));

    TMessage message = in.readMessageBegin();
    ReadOnlyScheduler.getTasksStatus_args args = new ReadOnlyScheduler.getTasksStatus_args();
    args.read(in);
    in.readMessageEnd();

    assertThat(message.name).isEqualTo("getTasksStatus");
    assertThat(message.type).isEqualTo(TMessageType.CALL);
    assertThat(args.getQuery()).isEqualTo(new TaskQuery()
        .setStatuses(Set.of(ScheduleStatus.RUNNING, ScheduleStatus.PENDING))
        .setJobKeys(Set.of(new JobKey("www-data", "prod", "hello"))));
  }

  @Test
  void json_response_withScheduledTasks() throws Exception {
    String response = "{\"1\":{\"i32\":1},"
        + "\"5\":{\"rec\":{\"1\":{\"str\":\"devcluster\"},\"3\":{\"str\":\"http://stats\"}}},"
        + "\"3\":{\"rec\":{\"3\":{\"rec\":{\"1\":{\"lst\":[\"rec\",1,{"
        + "\"1\":{\"rec\":{\"1\":{\"str\":\"t1\"},"
        + "\"4\":{\"rec\":{\"28\":{\"rec\":{\"1\":{\"str\":\"www-data\"},\"2\":{\"str\":\"prod\"},"
        + "\"3\":{\"str\":\"hello\"}}},\"32\":{\"set\":[\"rec\",1,{\"2\":{\"i64\":128}}]}}},"
        + "\"5\":{\"map\":[\"str\",\"i32\",1,{\"http\":31000}]},\"6\":{\"i32\":3}}},"
        + "\"2\":{\"i32\":2},\"6\":{\"i32\":1}}]}}}}},"
        + "\"6\":{\"lst\":[\"rec\",0]}}";
    Response decoded = new Response();

    new TDeserializer(new TJSONProtocol.Factory()).deserialize(decoded,
        response.getBytes(StandardCharsets.UTF_8));

    TaskConfig config = new TaskConfig()
        .setJob(new JobKey("www-data", "prod", "hello"))
        .setResources(Set.of(Resource.ramMb(128)));
    ScheduledTask task = new ScheduledTask()
        .setAssignedTask(new AssignedTask().setTaskId("t1").setTask(config)
            .setAssignedPorts(Map.of("http", 31_000)).setInstanceId(3))
        .setStatus(ScheduleStatus.RUNNING)
        .setTimesPartitioned(1);
    assertThat(decoded).isEqualTo(new Response()
        .setResponseCode(ResponseCode.OK)
        .setServerInfo(new ServerInfo("devcluster", "http://stats"))
        .setResult(Result.scheduleStatusResult(
            new ScheduleStatusResult(java.util.List.of(task))))
        .setDetails(java.util.List.of()));
  }
}
