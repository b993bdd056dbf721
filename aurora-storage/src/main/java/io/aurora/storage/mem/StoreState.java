package io.aurora.storage.mem;

import io.aurora.gen.HostAttributes;
import io.aurora.gen.HostMaintenanceRequest;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.storage.Op;
import io.aurora.gen.storage.Snapshot;
import io.aurora.storage.StoreProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable version of every store: what readers see and what a snapshot is built from.
 *
 * <p>A version is never modified: {@link StateDraft} builds the next one from it, sharing all
 * untouched structure. Holding a reference to a version is therefore a consistent view for as long
 * as it is needed (a long read, a snapshot being serialized) and costs nothing to take.
 *
 * <p>{@link #logPosition()} is the log position of the last entry applied to reach this version
 * (0 for none).
 */
public final class StoreState {
  final long logPosition;
  final TaskTable tasks;
  final PersistentMap<JobKey, JobConfiguration> jobs;
  final PersistentMap<JobKey, JobConfiguration> cronJobs;
  final PersistentMap<String, ResourceAggregate> quotas;
  final PersistentMap<String, HostAttributes> hosts;
  final PersistentMap<JobUpdateKey, UpdateRecord> updates;
  final Optional<String> frameworkId;
  final PersistentMap<String, HostMaintenanceRequest> maintenance;

  private static final StoreState EMPTY = new StoreState(0, TaskTable.EMPTY, PersistentMap.empty(),
      PersistentMap.empty(), PersistentMap.empty(), PersistentMap.empty(), PersistentMap.empty(),
      Optional.empty(), PersistentMap.empty());

  StoreState(long logPosition, TaskTable tasks,
      PersistentMap<JobKey, JobConfiguration> jobs,
      PersistentMap<JobKey, JobConfiguration> cronJobs,
      PersistentMap<String, ResourceAggregate> quotas,
      PersistentMap<String, HostAttributes> hosts,
      PersistentMap<JobUpdateKey, UpdateRecord> updates,
      Optional<String> frameworkId,
      PersistentMap<String, HostMaintenanceRequest> maintenance) {
    this.logPosition = logPosition;
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.jobs = jobs;
    this.cronJobs = cronJobs;
    this.quotas = quotas;
    this.hosts = hosts;
    this.updates = updates;
    this.frameworkId = Objects.requireNonNull(frameworkId, "frameworkId");
    this.maintenance = maintenance;
  }

  /** The log position of the last entry applied to reach this version (0 for none). */
  public long logPosition() {
    return logPosition;
  }

  /** The state before any write. */
  public static StoreState empty() {
    return EMPTY;
  }

  /** Read-only stores over this version. */
  public StoreProvider stores() {
    return new StateStores(this);
  }

  /** This state with {@code ops} applied in order, at {@code position}. */
  public StoreState apply(List<Op> ops, long position) {
    StateDraft draft = new StateDraft(this);
    ops.forEach(draft::apply);
    return draft.toState(position);
  }

  /** This version at another log position (same content). */
  public StoreState atPosition(long position) {
    return new StoreState(position, tasks, jobs, cronJobs, quotas, hosts, updates, frameworkId,
        maintenance);
  }

  /** The number of tasks. */
  public int taskCount() {
    return tasks.tasks.size();
  }

  /** The number of tasks in {@code status}. */
  public int taskCount(io.aurora.gen.ScheduleStatus status) {
    PersistentMap<String, Boolean> ids = tasks.byStatus.get(status);
    return ids == null ? 0 : ids.size();
  }

  /** The number of distinct task configs. */
  public int taskConfigCount() {
    return tasks.configs.size();
  }

  /**
   * The full state as a {@link Snapshot} (sorted, configs deduplicated). The snapshot shares structs
   * with this version: serialize it, never modify it.
   */
  public Snapshot toSnapshot(long timestampMs) {
    return StateSnapshots.toSnapshot(this, timestampMs);
  }

  /**
   * Writes {@link #toSnapshot} to {@code out} as a {@code Snapshot} struct, one task at a time,
   * without building it in memory first ({@code logPosition} is the first field written). Calls
   * {@code pause} every few thousand tasks, so that the caller can let other work go first.
   */
  public void writeSnapshot(long timestampMs, org.apache.thrift.protocol.TProtocol out,
      Runnable pause) throws org.apache.thrift.TException {
    SnapshotWriter.write(this, timestampMs, out, pause);
  }

  /** The state a snapshot describes, at the snapshot's {@code logPosition} (0 when unset). */
  public static StoreState fromSnapshot(Snapshot snapshot) {
    return StateSnapshots.fromSnapshot(snapshot);
  }
}
