// What the replicated log and the backup files hold.
//
// This format is ours (it does not follow Aurora's storage.thrift): it is shaped by how our
// storage keeps state in memory. The main ideas:
//   * A task's configuration is stored once under a configId and tasks point at it. Instances of a
//     job share one config, so a job of 1,000 instances carries its (often kilobyte-sized)
//     executor data once, in the log and in snapshots alike.
//   * Task mutations are deltas (a status change, an assignment), not full task records, so the
//     common write - one status update - stays a few dozen bytes.
//   * Everything is encoded with TBinaryProtocol.
//
// Compatibility rules are the same as for api.thrift: field ids and union member ids are
// permanent; a removed member leaves its id retired; new fields are optional. Readers must treat
// an unknown Op member as an error (not skip it), because skipping a mutation would silently
// fork the state. Bump CURRENT_SCHEMA_VERSION when an op's meaning changes.

namespace java io.aurora.gen.storage

include "api.thrift"

/** Written into every Transaction and Snapshot, so a reader can refuse data it cannot read. */
const i32 CURRENT_SCHEMA_VERSION = 1

// ------------------------------------------------------------------------------------------------
// Task storage: a config stored once, tasks that refer to it
// ------------------------------------------------------------------------------------------------

/**
 * A distinct TaskConfig and the id tasks use to refer to it. The storage chooses configIds
 * (for example a digest of the config's binary encoding, so equal configs get equal ids on every
 * replica); readers treat them as opaque.
 */
struct StoredTaskConfig {
  1: string configId
  2: api.TaskConfig config
}

/**
 * A task without its config: `task.assignedTask.task` is left unset and configId names the
 * StoredTaskConfig to put back. Keeping the rest of ScheduledTask as is (rather than copying its
 * fields here) means a field added to ScheduledTask is stored without a change to this file.
 */
struct StoredTask {
  1: string configId
  2: api.ScheduledTask task
}

// ------------------------------------------------------------------------------------------------
// Ops: one member per store mutation
// ------------------------------------------------------------------------------------------------

/**
 * Adds a config (or confirms it exists). Always precedes, in the same or an earlier transaction,
 * the first SaveTasks that refers to configId.
 */
struct SaveTaskConfig {
  1: string configId
  2: api.TaskConfig config
}

/** Drops configs no task, job or update refers to any more; the storage decides when. */
struct RemoveTaskConfigs {
  1: set<string> configIds
}

/**
 * Inserts tasks or replaces them whole (by task id). Used when tasks are created, e.g. a new job,
 * added instances or a rescheduled generation; later changes use the smaller ops below.
 */
struct SaveTasks {
  1: list<StoredTask> tasks
}

/**
 * A task moved to a new status. Carries the event appended to the task's history and, when the
 * transition changed them, the new counters (unset means unchanged).
 */
struct ChangeTaskStatus {
  1: string taskId
  /** Equal to event.status; explicit so that applying the op needs no look into the event. */
  2: api.ScheduleStatus status
  3: api.TaskEvent event
  4: optional i32 failureCount
  5: optional i32 timesPartitioned
}

/**
 * A PENDING task was placed on an agent. The status change to ASSIGNED travels as a separate
 * ChangeTaskStatus in the same transaction, so each op does one thing.
 */
struct AssignTask {
  1: string taskId
  2: string slaveId
  3: string slaveHost
  4: map<string, i32> assignedPorts
}

/** Deletes tasks (pruning, or a job being removed). */
struct RemoveTasks {
  1: set<string> taskIds
}

/** Stores (inserts or replaces) the configuration of a service job. */
struct SaveJobConfiguration {
  1: api.JobConfiguration jobConfig
}

/** Deletes a service job's configuration. */
struct RemoveJob {
  1: api.JobKey jobKey
}

/**
 * Stores (inserts or replaces) a cron job template. Cron jobs live in their own store because
 * they exist without any task.
 */
struct SaveCronJob {
  1: api.JobConfiguration jobConfig
}

struct RemoveCronJob {
  1: api.JobKey jobKey
}

/** Sets a role's quota, replacing any previous one. */
struct SaveQuota {
  1: string role
  2: api.ResourceAggregate quota
}

struct RemoveQuota {
  1: string role
}

/** Stores (inserts or replaces by host) an agent's attributes and maintenance mode. */
struct SaveHostAttributes {
  1: api.HostAttributes hostAttributes
}

/** The framework id Mesos gave us, needed to re-subscribe after a failover. */
struct SaveFrameworkId {
  1: string id
}

/** Stores (inserts or replaces by key) an update's definition; its events follow as own ops. */
struct SaveJobUpdate {
  1: api.JobUpdate jobUpdate
}

/** Appends an event to an update's history. */
struct SaveJobUpdateEvent {
  1: api.JobUpdateKey key
  2: api.JobUpdateEvent event
}

/** Appends an instance event to an update's history. */
struct SaveJobInstanceUpdateEvent {
  1: api.JobUpdateKey key
  2: api.JobInstanceUpdateEvent event
}

/** Deletes updates with their histories (history pruning). */
struct RemoveJobUpdates {
  1: set<api.JobUpdateKey> keys
}

/** Stores (inserts or replaces by host) an SLA-aware drain request. */
struct SaveHostMaintenanceRequest {
  1: api.HostMaintenanceRequest hostMaintenanceRequest
}

struct RemoveHostMaintenanceRequest {
  1: string host
}

/**
 * One mutation of one store. Applying the ops of a Transaction in order to the state before it
 * gives the state after it; replaying the log this way is how followers and recovery rebuild
 * state. Ids are grouped by store; unused ids in a group are free for that store's future ops.
 */
union Op {
  // Tasks and their configs (1-19).
  1: SaveTaskConfig saveTaskConfig
  2: RemoveTaskConfigs removeTaskConfigs
  3: SaveTasks saveTasks
  4: ChangeTaskStatus changeTaskStatus
  5: AssignTask assignTask
  6: RemoveTasks removeTasks
  // Jobs and cron jobs (20-29).
  20: SaveJobConfiguration saveJobConfiguration
  21: RemoveJob removeJob
  22: SaveCronJob saveCronJob
  23: RemoveCronJob removeCronJob
  // Quotas (30-39).
  30: SaveQuota saveQuota
  31: RemoveQuota removeQuota
  // Hosts and maintenance (40-49).
  40: SaveHostAttributes saveHostAttributes
  41: SaveHostMaintenanceRequest saveHostMaintenanceRequest
  42: RemoveHostMaintenanceRequest removeHostMaintenanceRequest
  // Scheduler metadata (50-59).
  50: SaveFrameworkId saveFrameworkId
  // Job updates (60-69).
  60: SaveJobUpdate saveJobUpdate
  61: SaveJobUpdateEvent saveJobUpdateEvent
  62: SaveJobInstanceUpdateEvent saveJobInstanceUpdateEvent
  63: RemoveJobUpdates removeJobUpdates
}

/**
 * The ops of one write transaction (or of several group-committed ones, concatenated in commit
 * order). All of them apply or none: the entry is the unit of durability.
 */
struct Transaction {
  1: list<Op> ops
  2: i32 schemaVersion
}

// ------------------------------------------------------------------------------------------------
// Snapshots
// ------------------------------------------------------------------------------------------------

/** Process-wide facts that are not part of any other store. */
struct SchedulerMetadata {
  /** Unset until Mesos first registers us. */
  1: optional string frameworkId
  /** Free-form facts about the writer (version, build), for operators reading a backup. */
  2: map<string, string> details
}

struct QuotaConfiguration {
  1: string role
  2: api.ResourceAggregate quota
}

/**
 * The complete state at one point of the log: loading it into empty stores and then replaying the
 * transactions after it rebuilds the state. The same struct is the backup file format.
 * Lists rather than sets: decoding needs no hashing, and writers sort every list by its key
 * (configId, taskId, job key, role, host, update key) so equal states encode to equal bytes.
 */
struct Snapshot {
  /** Milliseconds since the epoch when the snapshot was taken. */
  1: i64 timestampMs
  2: i32 schemaVersion
  3: SchedulerMetadata schedulerMetadata
  /** Every config referred to by a task, each exactly once. */
  4: list<StoredTaskConfig> taskConfigs
  5: list<StoredTask> tasks
  6: list<api.JobConfiguration> jobConfigurations
  7: list<api.JobConfiguration> cronJobs
  8: list<QuotaConfiguration> quotas
  9: list<api.HostAttributes> hostAttributes
  10: list<api.JobUpdateDetails> jobUpdateDetails
  11: list<api.HostMaintenanceRequest> hostMaintenanceRequests
  // The log position of the last entry whose effect this snapshot includes (unset: none known,
  // e.g. a backup of an empty log). A snapshot is built from a durable version while writes go
  // on, so transactions may sit in the log between this position and the snapshot entry itself:
  // a reader that loads the snapshot applies only entries at positions after logPosition, and a
  // reader whose state already includes logPosition skips the snapshot.
  12: optional i64 logPosition
}

// ------------------------------------------------------------------------------------------------
// Log entries
// ------------------------------------------------------------------------------------------------

/**
 * First frame of an entry too large for one log record (-dlog_max_entry_size). The chunkCount
 * FrameChunks that follow it, in log order, concatenate to the binary encoding of one LogEntry.
 */
struct FrameHeader {
  1: i32 chunkCount
  /** SHA-256 of the concatenated chunk data; a mismatch means a torn or corrupt entry. */
  2: binary checksum
}

struct FrameChunk {
  1: binary data
}

union Frame {
  1: FrameHeader header
  2: FrameChunk chunk
}

/** One record of the replicated log. */
union LogEntry {
  /** Replaces all state; entries before it may be truncated. */
  1: Snapshot snapshot
  2: Transaction transaction
  /** Written by a new leader to learn the log's end; changes nothing. */
  3: bool noop
  /** Part of an entry split because of its size; never contains another frame. */
  4: Frame frame
  /**
   * zlib (deflate) compressed TBinaryProtocol encoding of a LogEntry that is a snapshot or a
   * transaction. Compression happens before framing, so a frame may carry compressed bytes.
   */
  5: binary deflatedEntry
}
