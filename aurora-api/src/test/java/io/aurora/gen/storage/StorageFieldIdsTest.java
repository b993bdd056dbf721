package io.aurora.gen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.IdlShape;
import org.junit.jupiter.api.Test;

/**
 * Pins storage.thrift's ids: logs and backups written today must stay readable, so an id may
 * never change meaning. Adding a member means adding its line here.
 */
class StorageFieldIdsTest {

  @Test
  void logEntry() {
    assertThat(IdlShape.fields(LogEntry.class)).containsExactly(
        "1: Snapshot snapshot",
        "2: Transaction transaction",
        "3: bool noop",
        "4: Frame frame",
        "5: binary deflatedEntry");
    assertThat(IdlShape.fields(Frame.class)).containsExactly(
        "1: FrameHeader header",
        "2: FrameChunk chunk");
    assertThat(IdlShape.fields(FrameHeader.class)).containsExactly(
        "1: i32 chunkCount",
        "2: binary checksum");
    assertThat(IdlShape.fields(FrameChunk.class)).containsExactly("1: binary data");
  }

  @Test
  void transactionAndOp() {
    assertThat(IdlShape.fields(Transaction.class)).containsExactly(
        "1: list<Op> ops",
        "2: i32 schemaVersion");
    assertThat(IdlShape.fields(Op.class)).containsExactly(
        "1: SaveTaskConfig saveTaskConfig",
        "2: RemoveTaskConfigs removeTaskConfigs",
        "3: SaveTasks saveTasks",
        "4: ChangeTaskStatus changeTaskStatus",
        "5: AssignTask assignTask",
        "6: RemoveTasks removeTasks",
        "20: SaveJobConfiguration saveJobConfiguration",
        "21: RemoveJob removeJob",
        "22: SaveCronJob saveCronJob",
        "23: RemoveCronJob removeCronJob",
        "30: SaveQuota saveQuota",
        "31: RemoveQuota removeQuota",
        "40: SaveHostAttributes saveHostAttributes",
        "41: SaveHostMaintenanceRequest saveHostMaintenanceRequest",
        "42: RemoveHostMaintenanceRequest removeHostMaintenanceRequest",
        "50: SaveFrameworkId saveFrameworkId",
        "60: SaveJobUpdate saveJobUpdate",
        "61: SaveJobUpdateEvent saveJobUpdateEvent",
        "62: SaveJobInstanceUpdateEvent saveJobInstanceUpdateEvent",
        "63: RemoveJobUpdates removeJobUpdates");
    assertThat(storageConstants.CURRENT_SCHEMA_VERSION).isEqualTo(1);
  }

  @Test
  void taskDeltas() {
    assertThat(IdlShape.fields(StoredTask.class)).containsExactly(
        "1: string configId",
        "2: ScheduledTask task");
    assertThat(IdlShape.fields(ChangeTaskStatus.class)).containsExactly(
        "1: string taskId",
        "2: ScheduleStatus status",
        "3: TaskEvent event",
        "4: optional i32 failureCount",
        "5: optional i32 timesPartitioned");
    assertThat(IdlShape.fields(AssignTask.class)).containsExactly(
        "1: string taskId",
        "2: string slaveId",
        "3: string slaveHost",
        "4: map<string,i32> assignedPorts");
  }

  @Test
  void snapshot() {
    assertThat(IdlShape.fields(Snapshot.class)).containsExactly(
        "1: i64 timestampMs",
        "2: i32 schemaVersion",
        "3: SchedulerMetadata schedulerMetadata",
        "4: list<StoredTaskConfig> taskConfigs",
        "5: list<StoredTask> tasks",
        "6: list<JobConfiguration> jobConfigurations",
        "7: list<JobConfiguration> cronJobs",
        "8: list<QuotaConfiguration> quotas",
        "9: list<HostAttributes> hostAttributes",
        "10: list<JobUpdateDetails> jobUpdateDetails",
        "11: list<HostMaintenanceRequest> hostMaintenanceRequests",
        "12: optional i64 logPosition");
  }
}
