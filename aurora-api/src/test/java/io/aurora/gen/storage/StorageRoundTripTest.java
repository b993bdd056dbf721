package io.aurora.gen.storage;

import static io.aurora.gen.ThriftStructs.roundTrip;
import static io.aurora.gen.ThriftStructs.unsetFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.FullyPopulated;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.thrift.TBase;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The log's structs, fully populated, survive both protocols unchanged. */
class StorageRoundTripTest {

  private static final String CONFIG_ID = "sha256:0f3a";

  static StoredTask storedTask() {
    ScheduledTask partial = FullyPopulated.scheduledTask();
    partial.getAssignedTask().unsetTask();
    return new StoredTask(CONFIG_ID, partial);
  }

  /** One op of every kind, so a Transaction round trip covers every Op member. */
  static List<Op> everyOp() {
    return List.of(
        Op.saveTaskConfig(new SaveTaskConfig(CONFIG_ID, FullyPopulated.taskConfig())),
        Op.removeTaskConfigs(new RemoveTaskConfigs(Set.of("sha256:dead"))),
        Op.saveTasks(new SaveTasks(List.of(storedTask()))),
        Op.changeTaskStatus(new ChangeTaskStatus("task-1", ScheduleStatus.FAILED,
            new TaskEvent(1_700_000_002_000L, ScheduleStatus.FAILED)
                .setMessage("exit 1")
                .setScheduler("scheduler1"))
            .setFailureCount(3)
            .setTimesPartitioned(1)),
        Op.assignTask(new AssignTask("task-1", "agent-S1", "agent1", Map.of("http", 31_000))),
        Op.removeTasks(new RemoveTasks(Set.of("task-0"))),
        Op.saveJobConfiguration(new SaveJobConfiguration(FullyPopulated.jobConfiguration())),
        Op.removeJob(new RemoveJob(FullyPopulated.jobKey())),
        Op.saveCronJob(new SaveCronJob(FullyPopulated.jobConfiguration())),
        Op.removeCronJob(new RemoveCronJob(FullyPopulated.jobKey())),
        Op.saveQuota(new SaveQuota("www-data", FullyPopulated.quota())),
        Op.removeQuota(new RemoveQuota("www-data")),
        Op.saveHostAttributes(new SaveHostAttributes(FullyPopulated.hostAttributes())),
        Op.saveHostMaintenanceRequest(
            new SaveHostMaintenanceRequest(FullyPopulated.hostMaintenanceRequest())),
        Op.removeHostMaintenanceRequest(new RemoveHostMaintenanceRequest("agent1")),
        Op.saveFrameworkId(new SaveFrameworkId("framework-0001")),
        Op.saveJobUpdate(new SaveJobUpdate(FullyPopulated.jobUpdateDetails().getUpdate())),
        Op.saveJobUpdateEvent(new SaveJobUpdateEvent(FullyPopulated.jobUpdateKey(),
            FullyPopulated.jobUpdateDetails().getUpdateEvents().get(0))),
        Op.saveJobInstanceUpdateEvent(new SaveJobInstanceUpdateEvent(
            FullyPopulated.jobUpdateKey(),
            FullyPopulated.jobUpdateDetails().getInstanceEvents().get(0))),
        Op.removeJobUpdates(new RemoveJobUpdates(Set.of(FullyPopulated.jobUpdateKey()))));
  }

  static Snapshot snapshot() {
    return new Snapshot()
        .setTimestampMs(1_700_000_010_000L)
        .setSchemaVersion(storageConstants.CURRENT_SCHEMA_VERSION)
        .setSchedulerMetadata(new SchedulerMetadata(Map.of("version", "0.1.0"))
            .setFrameworkId("framework-0001"))
        .setTaskConfigs(List.of(new StoredTaskConfig(CONFIG_ID, FullyPopulated.taskConfig())))
        .setTasks(List.of(storedTask()))
        .setJobConfigurations(List.of(FullyPopulated.jobConfiguration()))
        .setCronJobs(List.of(FullyPopulated.jobConfiguration()))
        .setQuotas(List.of(new QuotaConfiguration("www-data", FullyPopulated.quota())))
        .setHostAttributes(List.of(FullyPopulated.hostAttributes()))
        .setJobUpdateDetails(List.of(FullyPopulated.jobUpdateDetails()))
        .setHostMaintenanceRequests(List.of(FullyPopulated.hostMaintenanceRequest()))
        .setLogPosition(42L);
  }

  static Stream<Arguments> structsAndProtocols() {
    ByteBuffer bytes = ByteBuffer.wrap("not really deflated".getBytes(StandardCharsets.UTF_8));
    Stream<TBase<?, ?>> structs = Stream.of(
        snapshot(),
        new Transaction(everyOp(), storageConstants.CURRENT_SCHEMA_VERSION),
        LogEntry.snapshot(snapshot()),
        LogEntry.transaction(new Transaction(everyOp(), storageConstants.CURRENT_SCHEMA_VERSION)),
        LogEntry.noop(true),
        LogEntry.frame(Frame.header(new FrameHeader(3, ByteBuffer.wrap(new byte[32])))),
        LogEntry.frame(Frame.chunk(new FrameChunk(bytes))),
        LogEntry.deflatedEntry(bytes));
    return structs.flatMap(s -> Stream.of(
        Arguments.of(describe(s), s, new TBinaryProtocol.Factory()),
        Arguments.of(describe(s), s, new TJSONProtocol.Factory())));
  }

  @ParameterizedTest(name = "{0} via {2}")
  @MethodSource("structsAndProtocols")
  void roundTrip_preservesEveryField(String name, TBase<?, ?> struct, TProtocolFactory protocol)
      throws Exception {
    assertThat(unsetFields(struct))
        .as("fixture must set every field except the task config that configId replaces")
        .allMatch(path -> path.endsWith("assignedTask.task"));

    assertThat(roundTrip(struct, protocol)).isEqualTo(struct);
  }

  @Test
  void everyOp_coversEveryOpMember() {
    Set<Op._Fields> covered = java.util.EnumSet.noneOf(Op._Fields.class);
    everyOp().forEach(op -> covered.add(op.getSetField()));

    assertThat(covered).containsExactlyInAnyOrder(Op._Fields.values());
  }

  @Test
  void unknownMember_decodesToAnEmptyUnion_whichReadersMustReject() throws Exception {
    // An Op written by a newer version: member id 99 (type string). Thrift skips it silently, so
    // the storage has to notice the empty union and stop rather than drop a mutation.
    byte[] bytes = java.util.HexFormat.of().parseHex("0b0063" + "00000001" + "78" + "00");
    Op op = new Op();

    new org.apache.thrift.TDeserializer(new TBinaryProtocol.Factory()).deserialize(op, bytes);

    assertThat(op.getSetField()).isNull();
    assertThat(op.isSet()).isFalse();
  }

  private static String describe(TBase<?, ?> struct) {
    if (struct instanceof LogEntry entry) {
      return "LogEntry." + entry.getSetField().getFieldName();
    }
    return struct.getClass().getSimpleName();
  }
}
