package io.aurora.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pins the wire shape (field id, requiredness, type, name) of the structs every Aurora client
 * touches, and the numbers of the key enums, to Apache Aurora 0.22. A failure here means an edit
 * to api.thrift would break existing clients or stored data: revert it, unless the change is a new
 * optional field with a fresh id, in which case add its line here.
 */
class ApiFieldIdsTest {

  @Test
  void taskConfig() {
    assertThat(IdlShape.fields(TaskConfig.class)).containsExactly(
        "7: bool isService",
        "11: i32 priority",
        "13: i32 maxTaskFailures",
        "17: Identity owner",
        "18: optional bool production",
        "20: set<Constraint> constraints",
        "22: optional map<string,string> taskLinks",
        "23: optional string contactEmail",
        "25: optional ExecutorConfig executorConfig",
        "27: optional set<Metadata> metadata",
        "28: JobKey job",
        "29: Container container",
        "30: optional string tier",
        "32: set<Resource> resources",
        "33: optional set<MesosFetcherURI> mesosFetcherUris",
        "34: optional PartitionPolicy partitionPolicy",
        "35: optional SlaPolicy slaPolicy");
    assertThat(TaskConfig._Fields.JOB.getThriftFieldId()).isEqualTo((short) 28);
  }

  @Test
  void scheduledTask() {
    assertThat(IdlShape.fields(ScheduledTask.class)).containsExactly(
        "1: AssignedTask assignedTask",
        "2: ScheduleStatus status",
        "3: i32 failureCount",
        "4: list<TaskEvent> taskEvents",
        "5: string ancestorId",
        "6: i32 timesPartitioned");
  }

  @Test
  void assignedTask() {
    assertThat(IdlShape.fields(AssignedTask.class)).containsExactly(
        "1: string taskId",
        "2: string slaveId",
        "3: string slaveHost",
        "4: TaskConfig task",
        "5: map<string,i32> assignedPorts",
        "6: i32 instanceId");
  }

  @Test
  void taskEvent() {
    assertThat(IdlShape.fields(TaskEvent.class)).containsExactly(
        "1: i64 timestamp",
        "2: ScheduleStatus status",
        "3: optional string message",
        "4: optional string scheduler");
  }

  @Test
  void response() {
    assertThat(IdlShape.fields(Response.class)).containsExactly(
        "1: ResponseCode responseCode",
        "3: optional Result result",
        "5: ServerInfo serverInfo",
        "6: list<ResponseDetail> details");
    assertThat(IdlShape.fields(ServerInfo.class)).containsExactly(
        "1: string clusterName",
        "3: string statsUrlPrefix");
  }

  @Test
  void result() {
    assertThat(IdlShape.fields(Result.class)).containsExactly(
        "1: PopulateJobResult populateJobResult",
        "3: ScheduleStatusResult scheduleStatusResult",
        "4: GetJobsResult getJobsResult",
        "5: GetQuotaResult getQuotaResult",
        "6: ListBackupsResult listBackupsResult",
        "7: StartMaintenanceResult startMaintenanceResult",
        "8: DrainHostsResult drainHostsResult",
        "9: QueryRecoveryResult queryRecoveryResult",
        "10: MaintenanceStatusResult maintenanceStatusResult",
        "11: EndMaintenanceResult endMaintenanceResult",
        "17: RoleSummaryResult roleSummaryResult",
        "18: JobSummaryResult jobSummaryResult",
        "20: ConfigSummaryResult configSummaryResult",
        "21: GetPendingReasonResult getPendingReasonResult",
        "22: StartJobUpdateResult startJobUpdateResult",
        "23: GetJobUpdateSummariesResult getJobUpdateSummariesResult",
        "24: GetJobUpdateDetailsResult getJobUpdateDetailsResult",
        "25: PulseJobUpdateResult pulseJobUpdateResult",
        "26: GetJobUpdateDiffResult getJobUpdateDiffResult",
        "27: GetTierConfigResult getTierConfigResult");
  }

  @Test
  void jobKeyAndJobConfiguration() {
    assertThat(IdlShape.fields(JobKey.class)).containsExactly(
        "1: string role",
        "2: string environment",
        "3: string name");
    assertThat(IdlShape.fields(JobConfiguration.class)).containsExactly(
        "4: optional string cronSchedule",
        "5: CronCollisionPolicy cronCollisionPolicy",
        "6: TaskConfig taskConfig",
        "7: Identity owner",
        "8: i32 instanceCount",
        "9: JobKey key");
  }

  @Test
  void taskQuery() {
    assertThat(IdlShape.fields(TaskQuery.class)).containsExactly(
        "2: optional string jobName",
        "4: optional set<string> taskIds",
        "5: optional set<ScheduleStatus> statuses",
        "7: optional set<i32> instanceIds",
        "9: optional string environment",
        "10: optional set<string> slaveHosts",
        "11: optional set<JobKey> jobKeys",
        "12: optional i32 offset",
        "13: optional i32 limit",
        "14: optional string role");
  }

  @Test
  void resources() {
    assertThat(IdlShape.fields(Resource.class)).containsExactly(
        "1: double numCpus",
        "2: i64 ramMb",
        "3: i64 diskMb",
        "4: string namedPort",
        "5: i64 numGpus");
    assertThat(IdlShape.fields(ResourceAggregate.class)).containsExactly(
        "4: set<Resource> resources");
  }

  @Test
  void jobUpdateSettingsAndSummary() {
    assertThat(IdlShape.fields(JobUpdateSettings.class)).containsExactly(
        "1: i32 updateGroupSize",
        "2: i32 maxPerInstanceFailures",
        "3: i32 maxFailedInstances",
        "5: i32 minWaitInInstanceRunningMs",
        "6: bool rollbackOnFailure",
        "7: set<Range> updateOnlyTheseInstances",
        "8: bool waitForBatchCompletion",
        "9: optional i32 blockIfNoPulsesAfterMs",
        "10: optional bool slaAware",
        "11: optional JobUpdateStrategy updateStrategy");
    assertThat(IdlShape.fields(JobUpdateSummary.class)).containsExactly(
        "3: string user",
        "4: JobUpdateState state",
        "5: JobUpdateKey key",
        "6: optional set<Metadata> metadata");
  }

  @Test
  void serviceArgumentsWithUnusualIds() {
    assertThat(IdlShape.fields(AuroraSchedulerManager.killTasks_args.class)).containsExactly(
        "4: JobKey job", "5: set<i32> instances", "6: string message");
    assertThat(IdlShape.fields(AuroraSchedulerManager.descheduleCronJob_args.class))
        .containsExactly("4: JobKey job");
    assertThat(IdlShape.fields(AuroraSchedulerManager.startCronJob_args.class))
        .containsExactly("4: JobKey job");
    assertThat(IdlShape.fields(AuroraSchedulerManager.restartShards_args.class)).containsExactly(
        "3: set<i32> shardIds", "5: JobKey job");
    assertThat(IdlShape.fields(AuroraSchedulerManager.addInstances_args.class)).containsExactly(
        "3: InstanceKey key", "4: i32 count");
    assertThat(IdlShape.fields(AuroraSchedulerManager.startJobUpdate_args.class)).containsExactly(
        "1: JobUpdateRequest request", "3: string message");
    assertThat(IdlShape.fields(AuroraSchedulerManager.pauseJobUpdate_args.class)).containsExactly(
        "1: JobUpdateKey key", "3: string message");
    assertThat(IdlShape.fields(AuroraSchedulerManager.rollbackJobUpdate_args.class))
        .containsExactly("1: JobUpdateKey key", "2: string message");
    assertThat(IdlShape.fields(ReadOnlyScheduler.getJobUpdateDetails_args.class)).containsExactly(
        "1: JobUpdateKey key", "2: JobUpdateQuery query");
    assertThat(IdlShape.fields(AuroraAdmin.slaDrainHosts_args.class)).containsExactly(
        "1: Hosts hosts", "2: SlaPolicy defaultSlaPolicy", "3: i64 timeoutSecs");
  }

  @Test
  void scheduleStatus() {
    assertThat(IdlShape.values(ScheduleStatus.class)).containsExactlyInAnyOrder(
        "PENDING=0", "STARTING=1", "RUNNING=2", "FINISHED=3", "FAILED=4", "KILLED=5",
        "KILLING=6", "LOST=7", "ASSIGNED=9", "INIT=11", "RESTARTING=12", "PREEMPTING=13",
        "THROTTLED=16", "DRAINING=17", "PARTITIONED=18");
  }

  @Test
  void responseCode() {
    assertThat(IdlShape.values(ResponseCode.class)).containsExactlyInAnyOrder(
        "INVALID_REQUEST=0", "OK=1", "ERROR=2", "WARNING=3", "AUTH_FAILED=4",
        "JOB_UPDATING_ERROR=5", "ERROR_TRANSIENT=6");
  }

  @Test
  void jobUpdateStatus() {
    assertThat(IdlShape.values(JobUpdateStatus.class)).containsExactlyInAnyOrder(
        "ROLLING_FORWARD=0", "ROLLING_BACK=1", "ROLL_FORWARD_PAUSED=2", "ROLL_BACK_PAUSED=3",
        "ROLLED_FORWARD=4", "ROLLED_BACK=5", "ABORTED=6", "ERROR=7", "FAILED=8",
        "ROLL_FORWARD_AWAITING_PULSE=9", "ROLL_BACK_AWAITING_PULSE=10");
  }

  @Test
  void maintenanceMode() {
    assertThat(IdlShape.values(MaintenanceMode.class)).containsExactlyInAnyOrder(
        "NONE=1", "SCHEDULED=2", "DRAINING=3", "DRAINED=4");
  }

  @Test
  void constants() {
    assertThat(apiConstants.AURORA_EXECUTOR_NAME).isEqualTo("AuroraExecutor");
    assertThat(apiConstants.BYPASS_LEADER_REDIRECT_HEADER_NAME)
        .isEqualTo("Bypass-Leader-Redirect");
    assertThat(apiConstants.TASK_FILESYSTEM_MOUNT_POINT).isEqualTo("taskfs");
    assertThat(apiConstants.GOOD_IDENTIFIER_PATTERN).isEqualTo("^[\\w\\-\\.]+$");
    assertThat(apiConstants.GOOD_IDENTIFIER_PATTERN_JVM)
        .isEqualTo(apiConstants.GOOD_IDENTIFIER_PATTERN);
    assertThat(apiConstants.GOOD_IDENTIFIER_PATTERN_PYTHON)
        .isEqualTo(apiConstants.GOOD_IDENTIFIER_PATTERN);
  }
}
