// The public Thrift API of the Aurora scheduler.
//
// Wire contract: clients built for Apache Aurora 0.22 talk to us unchanged, so every name, field
// id, type, requiredness and enum number below is fixed by that release. When editing:
//   * never renumber a field or an enum value, never change a field's type;
//   * a removed field leaves its id behind as a "retired" comment, and that id is never reused;
//   * add new fields as optional with a fresh id, so old peers skip them.
// ApiFieldIdsTest pins the ids of the most used structs and fails on an accidental edit.
// The Java code in io.aurora.gen is generated from this file by aurora-api/generate-thrift.sh.

namespace java io.aurora.gen
namespace py gen.apache.aurora.api

// ------------------------------------------------------------------------------------------------
// Constants
// ------------------------------------------------------------------------------------------------

/** Executor name under which the Thermos executor registers with Mesos. */
const string AURORA_EXECUTOR_NAME = 'AuroraExecutor'

/** HTTP header a client sets to reach a follower's /api directly instead of being redirected. */
const string BYPASS_LEADER_REDIRECT_HEADER_NAME = 'Bypass-Leader-Redirect'

/** Sandbox directory under which a task's image filesystem is mounted (Mesos containerizer). */
const string TASK_FILESYSTEM_MOUNT_POINT = 'taskfs'

/**
 * Role, environment and job name must each match this expression. The JVM and Python variants
 * exist for clients in those languages; all three accept exactly the same strings.
 */
const string GOOD_IDENTIFIER_PATTERN = "^[\\w\\-\\.]+$"
const string GOOD_IDENTIFIER_PATTERN_JVM = GOOD_IDENTIFIER_PATTERN
const string GOOD_IDENTIFIER_PATTERN_PYTHON = GOOD_IDENTIFIER_PATTERN

// ------------------------------------------------------------------------------------------------
// Response envelope
// ------------------------------------------------------------------------------------------------

/** Outcome of a call. Clients look only at this code; a Result is present only with OK. */
enum ResponseCode {
  INVALID_REQUEST    = 0,
  OK                 = 1,
  ERROR              = 2,
  WARNING            = 3,
  AUTH_FAILED        = 4,
  /** The call conflicts with a job update in progress. */
  JOB_UPDATING_ERROR = 5,
  /** The scheduler cannot answer right now (e.g. storage not ready); the client retries. */
  ERROR_TRANSIENT    = 6
}

// ------------------------------------------------------------------------------------------------
// Identity, hosts and constraints
// ------------------------------------------------------------------------------------------------

/** Deprecated owner record; only the user survives (id 1, the role, is retired). */
struct Identity {
  2: string user
}

/** One named attribute of an agent host, e.g. rack=r1 or zone={a,b}. */
struct Attribute {
  1: string name
  2: set<string> values
}

/** Where a host stands in the maintenance workflow. */
enum MaintenanceMode {
  NONE      = 1,
  SCHEDULED = 2,
  DRAINING  = 3,
  DRAINED   = 4
}

/** Everything the scheduler knows about one agent host. */
struct HostAttributes {
  1: string host
  2: set<Attribute> attributes
  3: optional MaintenanceMode mode
  4: optional string slaveId
}

/** Host must (or, when negated, must not) carry one of the values of the named attribute. */
struct ValueConstraint {
  1: bool negated
  2: set<string> values
}

/** At most `limit` active tasks of the job per distinct value of the named attribute. */
struct LimitConstraint {
  1: i32 limit
}

union TaskConstraint {
  1: ValueConstraint value
  2: LimitConstraint limit
}

/** A placement rule against one host attribute. */
struct Constraint {
  1: string name
  2: TaskConstraint constraint
}

/** Unused by the scheduler; kept because Aurora clients still know the name. */
struct Package {
  1: string role
  2: string name
  3: i32 version
}

/** Free-form key/value pair shown in the UI (tasks) or attached to an update. */
struct Metadata {
  1: string key
  2: string value
}

/** Names a job. Canonical text form: role/environment/name. */
struct JobKey {
  1: string role
  2: string environment
  3: string name
}

/** Deprecated job locks (no call takes them since 0.21). Declared so the names stay taken. */
union LockKey {
  1: JobKey job
}

struct Lock {
  1: LockKey key
  2: string token
  3: string user
  4: i64 timestampMs
  5: optional string message
}

/** One instance (shard) of a job. */
struct InstanceKey {
  1: JobKey jobKey
  2: i32 instanceId
}

// ------------------------------------------------------------------------------------------------
// Task configuration
// ------------------------------------------------------------------------------------------------

/** A file the Mesos fetcher downloads into the sandbox before the task starts. */
struct MesosFetcherURI {
  1: string value
  2: optional bool extract
  3: optional bool cache
  4: optional string outputFile
}

/** Executor name plus its opaque payload (for Thermos: the task as JSON). */
struct ExecutorConfig {
  1: string name
  2: string data
}

enum Mode {
  RW = 1,
  RO = 2
}

/** A host path mounted into the container. */
struct Volume {
  1: string containerPath
  2: string hostPath
  3: Mode mode
}

struct DockerImage {
  1: string name
  2: string tag
}

struct AppcImage {
  1: string name
  2: string imageId
}

/** Filesystem image for the Mesos (unified) containerizer. */
union Image {
  1: DockerImage docker
  2: AppcImage appc
}

/** The default container: Mesos containerizer, optionally with an image and volumes. */
struct MesosContainer {
  1: optional Image image
  2: optional list<Volume> volumes
}

/** A `--name=value` argument handed to the docker CLI. */
struct DockerParameter {
  1: string name
  2: string value
}

struct DockerContainer {
  1: string image
  2: optional list<DockerParameter> parameters
}

union Container {
  1: MesosContainer mesos
  2: DockerContainer docker
}

/** One resource demand or grant; a task's needs are a set of these. */
union Resource {
  1: double numCpus
  2: i64 ramMb
  3: i64 diskMb
  4: string namedPort
  5: i64 numGpus
}

/** What to do with a task whose agent is partitioned away. */
struct PartitionPolicy {
  1: bool reschedule
  2: optional i64 delaySecs
}

/** SLA: this percentage of instances must have been RUNNING for durationSecs. */
struct PercentageSlaPolicy {
  1: double percentage
  2: i64 durationSecs
}

/** SLA: this many instances must have been RUNNING for durationSecs. */
struct CountSlaPolicy {
  1: i64 count
  2: i64 durationSecs
}

/** SLA decided by an external service: the scheduler asks coordinatorUrl and reads statusKey. */
struct CoordinatorSlaPolicy {
  1: string coordinatorUrl
  2: string statusKey
}

union SlaPolicy {
  1: PercentageSlaPolicy percentageSlaPolicy
  2: CountSlaPolicy countSlaPolicy
  3: CoordinatorSlaPolicy coordinatorSlaPolicy
}

/**
 * How to run one task of a job. Two tasks with equal TaskConfigs are interchangeable for
 * scheduling, which is why the storage keeps each distinct config once.
 * Every id below 36 that is not used here is retired (among them 3 jobName, 26 environment,
 * 8-10 numCpus/ramMb/diskMb and 21 requestedPorts, which moved into 32 resources).
 */
struct TaskConfig {
  28: JobKey job
  /** Deprecated: duplicates job.role. */
  17: Identity owner
   7: bool isService
  11: i32 priority
  13: i32 maxTaskFailures
  /** Deprecated: derived from the tier. */
  18: optional bool production
  30: optional string tier
  32: set<Resource> resources
  20: set<Constraint> constraints
  33: optional set<MesosFetcherURI> mesosFetcherUris
  22: optional map<string, string> taskLinks
  23: optional string contactEmail
  25: optional ExecutorConfig executorConfig
  27: optional set<Metadata> metadata
  34: optional PartitionPolicy partitionPolicy
  35: optional SlaPolicy slaPolicy
  29: Container container = { "mesos": {} }
}

/** A bundle of resources, used for quotas. Ids 1-3 (numCpus, ramMb, diskMb) are retired. */
struct ResourceAggregate {
  4: set<Resource> resources
}

/** What a cron run does when the previous run is still active. */
enum CronCollisionPolicy {
  KILL_EXISTING = 0,
  CANCEL_NEW    = 1,
  /** Deprecated: refused by createJob, treated as CANCEL_NEW for stored jobs. */
  RUN_OVERLAP   = 2
}

/**
 * A job: instanceCount copies of taskConfig, optionally run on a cron schedule.
 * Ids 1-3 are retired.
 */
struct JobConfiguration {
  9: JobKey key
  /** Deprecated: duplicates key.role. */
  7: Identity owner
  4: optional string cronSchedule
  5: CronCollisionPolicy cronCollisionPolicy
  6: TaskConfig taskConfig
  8: i32 instanceCount
}

struct JobStats {
  1: i32 activeTaskCount
  2: i32 finishedTaskCount
  3: i32 failedTaskCount
  4: i32 pendingTaskCount
}

struct JobSummary {
  1: JobConfiguration job
  2: JobStats stats
  3: optional i64 nextCronRunMs
}

/** Closed interval [first, last] of instance ids. */
struct Range {
  1: i32 first
  2: i32 last
}

/** The instances of a job that share one config. Id 2 (a set of instance ids) is retired. */
struct ConfigGroup {
  1: TaskConfig config
  3: set<Range> instances
}

struct ConfigSummary {
  1: JobKey key
  2: set<ConfigGroup> groups
}

// ------------------------------------------------------------------------------------------------
// Tasks
// ------------------------------------------------------------------------------------------------

/** Lifecycle states of a task. Numbers 8, 10, 14 and 15 belonged to states that no longer exist. */
enum ScheduleStatus {
  INIT        = 11,
  THROTTLED   = 16,
  PENDING     = 0,
  ASSIGNED    = 9,
  STARTING    = 1,
  RUNNING     = 2,
  FINISHED    = 3,
  PREEMPTING  = 13,
  RESTARTING  = 12,
  DRAINING    = 17,
  FAILED      = 4,
  KILLED      = 5,
  KILLING     = 6,
  LOST        = 7,
  PARTITIONED = 18
}

/** Not yet terminal: the task counts against its job's instances. */
const set<ScheduleStatus> ACTIVE_STATES = [
  ScheduleStatus.ASSIGNED, ScheduleStatus.DRAINING, ScheduleStatus.KILLING,
  ScheduleStatus.PENDING, ScheduleStatus.PREEMPTING, ScheduleStatus.RESTARTING,
  ScheduleStatus.RUNNING, ScheduleStatus.STARTING, ScheduleStatus.PARTITIONED,
  ScheduleStatus.THROTTLED]

/** Active and bound to an agent (ACTIVE minus PENDING and THROTTLED). */
const set<ScheduleStatus> SLAVE_ASSIGNED_STATES = [
  ScheduleStatus.ASSIGNED, ScheduleStatus.DRAINING, ScheduleStatus.KILLING,
  ScheduleStatus.PREEMPTING, ScheduleStatus.RESTARTING, ScheduleStatus.RUNNING,
  ScheduleStatus.PARTITIONED, ScheduleStatus.STARTING]

/** The task has a live sandbox on its agent. */
const set<ScheduleStatus> LIVE_STATES = [
  ScheduleStatus.KILLING, ScheduleStatus.PREEMPTING, ScheduleStatus.RESTARTING,
  ScheduleStatus.DRAINING, ScheduleStatus.PARTITIONED, ScheduleStatus.RUNNING]

/** The task is over and will not change again. */
const set<ScheduleStatus> TERMINAL_STATES = [
  ScheduleStatus.FAILED, ScheduleStatus.FINISHED, ScheduleStatus.KILLED, ScheduleStatus.LOST]

/** One state change of a task, kept in its history. */
struct TaskEvent {
  /** Milliseconds since the epoch. */
  1: i64 timestamp
  2: ScheduleStatus status
  3: optional string message
  /** Host name of the scheduler that recorded the change. */
  4: optional string scheduler
}

/** A task together with where it was placed; slaveId/slaveHost are unset while PENDING. */
struct AssignedTask {
  1: string taskId
  2: string slaveId
  3: string slaveHost
  4: TaskConfig task
  5: map<string, i32> assignedPorts
  6: i32 instanceId
}

/** A task as the scheduler tracks it. */
struct ScheduledTask {
  1: AssignedTask assignedTask
  2: ScheduleStatus status
  /** Failures accumulated across all generations of this instance. */
  3: i32 failureCount
  6: i32 timesPartitioned
  4: list<TaskEvent> taskEvents
  /** Task id of the generation this task replaced, if it was rescheduled. */
  5: string ancestorId
}

struct ScheduleStatusResult {
  1: list<ScheduledTask> tasks
}

struct GetJobsResult {
  1: set<JobConfiguration> configs
}

/** Selects tasks; every field that is set must match (AND). Unused ids below 15 are retired. */
struct TaskQuery {
  14: optional string role
   9: optional string environment
   2: optional string jobName
   4: optional set<string> taskIds
   5: optional set<ScheduleStatus> statuses
   7: optional set<i32> instanceIds
  10: optional set<string> slaveHosts
  11: optional set<JobKey> jobKeys
  12: optional i32 offset
  13: optional i32 limit
}

struct HostStatus {
  1: string host
  2: MaintenanceMode mode
}

struct RoleSummary {
  1: string role
  2: i32 jobCount
  3: i32 cronJobCount
}

struct Hosts {
  1: set<string> hostNames
}

/** Why a task is still PENDING, in words for humans. */
struct PendingReason {
  1: string taskId
  2: string reason
}

// ------------------------------------------------------------------------------------------------
// Job updates
// ------------------------------------------------------------------------------------------------

enum JobUpdateStatus {
  ROLLING_FORWARD             = 0,
  ROLLING_BACK                = 1,
  ROLL_FORWARD_PAUSED         = 2,
  ROLL_BACK_PAUSED            = 3,
  ROLLED_FORWARD              = 4,
  ROLLED_BACK                 = 5,
  ABORTED                     = 6,
  ERROR                       = 7,
  FAILED                      = 8,
  /** Blocked until the next pulseJobUpdate call. */
  ROLL_FORWARD_AWAITING_PULSE = 9,
  ROLL_BACK_AWAITING_PULSE    = 10
}

/** An update in one of these states still owns its job. */
const set<JobUpdateStatus> ACTIVE_JOB_UPDATE_STATES = [
  JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLLING_BACK,
  JobUpdateStatus.ROLL_FORWARD_PAUSED, JobUpdateStatus.ROLL_BACK_PAUSED,
  JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE, JobUpdateStatus.ROLL_BACK_AWAITING_PULSE]

/** The misspelling is part of the contract: generated clients refer to this name. */
const set<JobUpdateStatus> AWAITNG_PULSE_JOB_UPDATE_STATES = [
  JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE, JobUpdateStatus.ROLL_BACK_AWAITING_PULSE]

/** What happened to one instance during an update. */
enum JobUpdateAction {
  INSTANCE_UPDATED         = 1,
  INSTANCE_ROLLED_BACK     = 2,
  INSTANCE_UPDATING        = 3,
  INSTANCE_ROLLING_BACK    = 4,
  INSTANCE_UPDATE_FAILED   = 5,
  INSTANCE_ROLLBACK_FAILED = 6
}

/** Answer to pulseJobUpdate: OK while the update is active, FINISHED once it is terminal. */
enum JobUpdatePulseStatus {
  OK       = 1,
  FINISHED = 2
}

/** Names one update of one job; id is a random UUID. */
struct JobUpdateKey {
  1: JobKey job
  2: string id
}

/** At most groupSize instances in flight; a finished one is replaced at once. */
struct QueueJobUpdateStrategy {
  1: i32 groupSize
}

/** Fixed-size batches; the next batch starts when the whole previous one is done. */
struct BatchJobUpdateStrategy {
  1: i32 groupSize
  2: bool autopauseAfterBatch
}

/** Like Batch, but batch i has size groupSizes[i] (the last size repeats). */
struct VariableBatchJobUpdateStrategy {
  1: list<i32> groupSizes
  2: bool autopauseAfterBatch
}

union JobUpdateStrategy {
  1: QueueJobUpdateStrategy queueStrategy
  2: BatchJobUpdateStrategy batchStrategy
  3: VariableBatchJobUpdateStrategy varBatchStrategy
}

/** Limits and pacing of an update. Id 4 is retired. */
struct JobUpdateSettings {
  /** Deprecated: use updateStrategy. */
  1: i32 updateGroupSize
  2: i32 maxPerInstanceFailures
  3: i32 maxFailedInstances
  5: i32 minWaitInInstanceRunningMs
  6: bool rollbackOnFailure
  /** Only these instances are touched; all when unset. */
  7: set<Range> updateOnlyTheseInstances
  /** Deprecated: use updateStrategy = batchStrategy. */
  8: bool waitForBatchCompletion
  9: optional i32 blockIfNoPulsesAfterMs
  10: optional bool slaAware
  11: optional JobUpdateStrategy updateStrategy
}

/** One state change of a whole update. */
struct JobUpdateEvent {
  1: JobUpdateStatus status
  2: i64 timestampMs
  3: optional string user
  4: optional string message
}

/** One step for one instance during an update. */
struct JobInstanceUpdateEvent {
  1: i32 instanceId
  2: i64 timestampMs
  3: JobUpdateAction action
  4: optional string message
}

/** A config and the instances that have (or should have) it. */
struct InstanceTaskConfig {
  1: TaskConfig task
  2: set<Range> instances
}

struct JobUpdateState {
  1: JobUpdateStatus status
  2: i64 createdTimestampMs
  3: i64 lastModifiedTimestampMs
}

/** Ids 1 and 2 (update id, job key) are retired; key replaces them. */
struct JobUpdateSummary {
  5: JobUpdateKey key
  3: string user
  4: JobUpdateState state
  6: optional set<Metadata> metadata
}

/** Where the update starts from, where it goes, and how. */
struct JobUpdateInstructions {
  1: set<InstanceTaskConfig> initialState
  2: InstanceTaskConfig desiredState
  3: JobUpdateSettings settings
}

struct JobUpdate {
  1: JobUpdateSummary summary
  2: JobUpdateInstructions instructions
}

/** An update together with its full history. */
struct JobUpdateDetails {
  1: JobUpdate update
  2: list<JobUpdateEvent> updateEvents
  3: list<JobInstanceUpdateEvent> instanceEvents
}

/** What a client asks for in startJobUpdate (and getJobUpdateDiff). */
struct JobUpdateRequest {
  1: TaskConfig taskConfig
  2: i32 instanceCount
  3: JobUpdateSettings settings
  4: optional set<Metadata> metadata
}

/** Selects updates; every field that is set must match. Id 1 is retired. */
struct JobUpdateQuery {
  2: string role
  8: JobUpdateKey key
  3: JobKey jobKey
  4: string user
  5: set<JobUpdateStatus> updateStatuses
  6: i32 offset
  7: i32 limit
}

// ------------------------------------------------------------------------------------------------
// Maintenance
// ------------------------------------------------------------------------------------------------

/** A pending SLA-aware drain of one host (slaDrainHosts), kept until the host is drained. */
struct HostMaintenanceRequest {
  1: string host
  2: SlaPolicy defaultSlaPolicy
  3: i64 timeoutSecs
  4: i64 createdTimestampMs
}

// ------------------------------------------------------------------------------------------------
// Results
// ------------------------------------------------------------------------------------------------

/** Id 1 is retired. */
struct PopulateJobResult {
  2: TaskConfig taskConfig
}

/** A role's quota and what its jobs consume, split by tier kind. */
struct GetQuotaResult {
  1: ResourceAggregate quota
  2: optional ResourceAggregate prodSharedConsumption
  3: optional ResourceAggregate nonProdSharedConsumption
  4: optional ResourceAggregate prodDedicatedConsumption
  5: optional ResourceAggregate nonProdDedicatedConsumption
}

struct ListBackupsResult {
  1: set<string> backups
}

struct StartMaintenanceResult {
  1: set<HostStatus> statuses
}

struct DrainHostsResult {
  1: set<HostStatus> statuses
}

struct QueryRecoveryResult {
  1: set<ScheduledTask> tasks
}

struct MaintenanceStatusResult {
  1: set<HostStatus> statuses
}

struct EndMaintenanceResult {
  1: set<HostStatus> statuses
}

struct RoleSummaryResult {
  1: set<RoleSummary> summaries
}

struct JobSummaryResult {
  1: set<JobSummary> summaries
}

struct ConfigSummaryResult {
  1: ConfigSummary summary
}

struct GetPendingReasonResult {
  1: set<PendingReason> reasons
}

struct StartJobUpdateResult {
  1: JobUpdateKey key
  /** Set when the job already had an active update. */
  2: optional JobUpdateSummary updateSummary
}

struct GetJobUpdateSummariesResult {
  1: list<JobUpdateSummary> updateSummaries
}

/** details is the older single-update form; detailsList answers a query. */
struct GetJobUpdateDetailsResult {
  1: JobUpdateDetails details
  2: list<JobUpdateDetails> detailsList
}

struct PulseJobUpdateResult {
  1: JobUpdatePulseStatus status
}

/** How instances would change if the request were started now. */
struct GetJobUpdateDiffResult {
  1: set<ConfigGroup> add
  2: set<ConfigGroup> remove
  3: set<ConfigGroup> update
  4: set<ConfigGroup> unchanged
}

struct TierConfig {
  1: string name
  2: map<string, string> settings
}

struct GetTierConfigResult {
  1: string defaultTierName
  2: set<TierConfig> tiers
}

/** Attached to every response. */
struct ServerInfo {
  1: string clusterName
  3: string statsUrlPrefix
}

/**
 * The payload of an OK response; which member is set depends on the call.
 * Retired ids: 2, 12, 13, 14, 15, 16, 19.
 */
union Result {
  1: PopulateJobResult populateJobResult
  3: ScheduleStatusResult scheduleStatusResult
  4: GetJobsResult getJobsResult
  5: GetQuotaResult getQuotaResult
  6: ListBackupsResult listBackupsResult
  7: StartMaintenanceResult startMaintenanceResult
  8: DrainHostsResult drainHostsResult
  9: QueryRecoveryResult queryRecoveryResult
  10: MaintenanceStatusResult maintenanceStatusResult
  11: EndMaintenanceResult endMaintenanceResult
  17: RoleSummaryResult roleSummaryResult
  18: JobSummaryResult jobSummaryResult
  20: ConfigSummaryResult configSummaryResult
  21: GetPendingReasonResult getPendingReasonResult
  22: StartJobUpdateResult startJobUpdateResult
  23: GetJobUpdateSummariesResult getJobUpdateSummariesResult
  24: GetJobUpdateDetailsResult getJobUpdateDetailsResult
  25: PulseJobUpdateResult pulseJobUpdateResult
  26: GetJobUpdateDiffResult getJobUpdateDiffResult
  27: GetTierConfigResult getTierConfigResult
}

struct ResponseDetail {
  1: string message
}

/** What every call returns. Ids 2 and 4 are retired. */
struct Response {
  1: ResponseCode responseCode
  5: ServerInfo serverInfo
  3: optional Result result
  /** Warnings, errors and deprecation notices for the caller. */
  6: list<ResponseDetail> details
}

// ------------------------------------------------------------------------------------------------
// Services
// ------------------------------------------------------------------------------------------------

/** Calls that only read state; safe to retry. */
service ReadOnlyScheduler {
  Response getRoleSummary()
  /** role may be unset: all roles. */
  Response getJobSummary(1: string role)
  Response getTasksStatus(1: TaskQuery query)
  /** As getTasksStatus, with executorConfig.data left out to keep responses small. */
  Response getTasksWithoutConfigs(1: TaskQuery query)
  Response getPendingReason(1: TaskQuery query)
  Response getConfigSummary(1: JobKey job)
  /** ownerRole may be unset: all jobs. */
  Response getJobs(1: string ownerRole)
  Response getQuota(1: string ownerRole)
  /** Validates and fills in defaults as createJob would, without creating anything. */
  Response populateJobConfig(1: JobConfiguration description)
  Response getJobUpdateSummaries(1: JobUpdateQuery jobUpdateQuery)
  /** key is deprecated in favour of query. */
  Response getJobUpdateDetails(1: JobUpdateKey key, 2: JobUpdateQuery query)
  Response getJobUpdateDiff(1: JobUpdateRequest request)
  Response getTierConfigs()
}

/** Calls a job owner makes. Parameter ids have gaps where old parameters were retired. */
service AuroraSchedulerManager extends ReadOnlyScheduler {
  Response createJob(1: JobConfiguration description)
  Response scheduleCronJob(1: JobConfiguration description)
  Response descheduleCronJob(4: JobKey job)
  Response startCronJob(4: JobKey job)
  Response restartShards(5: JobKey job, 3: set<i32> shardIds)
  /** An empty or unset instances set means every instance of the job. */
  Response killTasks(4: JobKey job, 5: set<i32> instances, 6: string message)
  /** Adds count instances that copy the config of the instance named by key. */
  Response addInstances(3: InstanceKey key, 4: i32 count)
  Response replaceCronTemplate(1: JobConfiguration config)
  Response startJobUpdate(1: JobUpdateRequest request, 3: string message)
  Response pauseJobUpdate(1: JobUpdateKey key, 3: string message)
  Response resumeJobUpdate(1: JobUpdateKey key, 3: string message)
  Response abortJobUpdate(1: JobUpdateKey key, 3: string message)
  Response rollbackJobUpdate(1: JobUpdateKey key, 2: string message)
  Response pulseJobUpdate(1: JobUpdateKey key)
}

struct ExplicitReconciliationSettings {
  /** Tasks per reconciliation request; must be positive when set. */
  1: optional i32 batchSize
}

/** Calls for cluster operators. */
service AuroraAdmin extends AuroraSchedulerManager {
  Response setQuota(1: string ownerRole, 2: ResourceAggregate quota)
  /** Moves a task through the state machine towards status; not a raw overwrite. */
  Response forceTaskState(1: string taskId, 2: ScheduleStatus status)
  Response performBackup()
  Response listBackups()
  Response stageRecovery(1: string backupId)
  Response queryRecovery(1: TaskQuery query)
  Response deleteRecoveryTasks(1: TaskQuery query)
  Response commitRecovery()
  Response unloadRecovery()
  Response startMaintenance(1: Hosts hosts)
  Response drainHosts(1: Hosts hosts)
  Response maintenanceStatus(1: Hosts hosts)
  Response endMaintenance(1: Hosts hosts)
  /**
   * Drains hosts while honouring each task's SlaPolicy (defaultSlaPolicy when it has none);
   * after timeoutSecs tasks are drained regardless.
   */
  Response slaDrainHosts(1: Hosts hosts, 2: SlaPolicy defaultSlaPolicy, 3: i64 timeoutSecs)
  Response snapshot()
  Response triggerExplicitTaskReconciliation(1: ExplicitReconciliationSettings settings)
  Response triggerImplicitTaskReconciliation()
  /** Deletes terminal tasks matching query (all terminal states when none are given). */
  Response pruneTasks(1: TaskQuery query)
}
