package io.aurora.storage.mem;

import io.aurora.gen.storage.Snapshot;
import io.aurora.gen.storage.StoredTask;
import java.util.List;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;

/**
 * Writes a {@link StoreState} as a {@link Snapshot} struct straight to a Thrift protocol, one task
 * at a time, without building the snapshot's task list or its encoding in memory first: a snapshot
 * of a large cluster then allocates little more than the compressed bytes it produces.
 *
 * <p>Reading the output with {@code Snapshot.read} gives exactly {@link StoreState#toSnapshot}.
 * The only difference from {@code Snapshot.write} is the field order: {@code logPosition} comes
 * first (the binary protocol allows any order), so that a reader which is already past that
 * position can tell from the first bytes that it need not decode the rest.
 */
final class SnapshotWriter {
  private static final TStruct STRUCT = new TStruct("Snapshot");
  /** Tasks written between two calls of the caller's pause. */
  static final int PAUSE_EVERY_TASKS = 2_000;

  private SnapshotWriter() {}

  /**
   * Writes the snapshot of {@code state}, calling {@code pause} after every
   * {@link #PAUSE_EVERY_TASKS} tasks (a chance for the caller to give way to other work).
   */
  static void write(StoreState state, long timestampMs, TProtocol out, Runnable pause)
      throws TException {
    Snapshot rest = StateSnapshots.withoutTasks(state, timestampMs);
    out.writeStructBegin(STRUCT);
    if (rest.isSetLogPosition()) {
      begin(out, Snapshot._Fields.LOG_POSITION, TType.I64);
      out.writeI64(rest.getLogPosition());
      out.writeFieldEnd();
    }
    begin(out, Snapshot._Fields.TIMESTAMP_MS, TType.I64);
    out.writeI64(rest.getTimestampMs());
    out.writeFieldEnd();
    begin(out, Snapshot._Fields.SCHEMA_VERSION, TType.I32);
    out.writeI32(rest.getSchemaVersion());
    out.writeFieldEnd();
    begin(out, Snapshot._Fields.SCHEDULER_METADATA, TType.STRUCT);
    rest.getSchedulerMetadata().write(out);
    out.writeFieldEnd();
    structs(out, Snapshot._Fields.TASK_CONFIGS, StateSnapshots.configs(state));
    TaskTable.TaskRecord[] tasks = StateSnapshots.sortedTasks(state);
    begin(out, Snapshot._Fields.TASKS, TType.LIST);
    out.writeListBegin(new TList(TType.STRUCT, tasks.length));
    for (int i = 0; i < tasks.length; i++) {
      new StoredTask(tasks[i].configId(), tasks[i].task()).write(out);
      if ((i + 1) % PAUSE_EVERY_TASKS == 0) {
        pause.run();
      }
    }
    out.writeListEnd();
    out.writeFieldEnd();
    structs(out, Snapshot._Fields.JOB_CONFIGURATIONS, rest.getJobConfigurations());
    structs(out, Snapshot._Fields.CRON_JOBS, rest.getCronJobs());
    structs(out, Snapshot._Fields.QUOTAS, rest.getQuotas());
    structs(out, Snapshot._Fields.HOST_ATTRIBUTES, rest.getHostAttributes());
    structs(out, Snapshot._Fields.JOB_UPDATE_DETAILS, rest.getJobUpdateDetails());
    structs(out, Snapshot._Fields.HOST_MAINTENANCE_REQUESTS, rest.getHostMaintenanceRequests());
    out.writeFieldStop();
    out.writeStructEnd();
  }

  private static void begin(TProtocol out, Snapshot._Fields field, byte type) throws TException {
    out.writeFieldBegin(new TField(field.getFieldName(), type, field.getThriftFieldId()));
  }

  private static void structs(TProtocol out, Snapshot._Fields field,
      List<? extends TBase<?, ?>> values) throws TException {
    begin(out, field, TType.LIST);
    out.writeListBegin(new TList(TType.STRUCT, values.size()));
    for (TBase<?, ?> value : values) {
      value.write(out);
    }
    out.writeListEnd();
    out.writeFieldEnd();
  }
}
