package io.aurora.storage.durable;

import io.aurora.gen.storage.LogEntry;
import io.aurora.gen.storage.Snapshot;
import io.aurora.storage.StorageException;
import io.aurora.storage.mem.StoreState;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TIOStreamTransport;

/**
 * Encodes a state that replaces the whole log's state (a committed recovery, or a backup written
 * into fresh replicas by the offline tool) as one {@code snapshot} log entry, framed when large.
 *
 * <p>Unlike the periodic snapshots this entry is not deflated: the same state and timestamp give
 * the same bytes on every machine (the state is written in sorted order by
 * {@link StoreState#writeSnapshot}, and no zlib build enters), so an operator who restores one
 * backup into each replica's directory gets identical logs, which Paxos needs.
 *
 * <p>The snapshot's {@code logPosition} is the position of the entry's first record. It is past
 * every record written before the entry, so every replayer loads it (one that has applied the
 * older entries sees a snapshot ahead of it), and no transaction before it is replayed on top.
 */
public final class RestoreEncoder {
  private static final TStruct LOG_ENTRY = new TStruct("LogEntry");
  private static final TField SNAPSHOT = new TField(LogEntry._Fields.SNAPSHOT.getFieldName(),
      TType.STRUCT, LogEntry._Fields.SNAPSHOT.getThriftFieldId());

  private RestoreEncoder() {}

  /**
   * The records that make {@code backup} the state of an empty log, from position 1 on: what the
   * offline recovery tool writes into each fresh replica.
   */
  public static List<byte[]> forEmptyLog(Snapshot backup, long maxEntrySize) {
    return encode(StoreState.fromSnapshot(backup), backup.getTimestampMs(), 1, maxEntrySize);
  }

  /** The records of {@code state} as a snapshot whose first record lands at {@code first}. */
  static List<byte[]> encode(StoreState state, long timestampMs, long first, long maxEntrySize) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try {
      TBinaryProtocol out = new TBinaryProtocol(new TIOStreamTransport(bytes));
      out.writeStructBegin(LOG_ENTRY);
      out.writeFieldBegin(SNAPSHOT);
      state.atPosition(first).writeSnapshot(timestampMs, out, () -> { });
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
    } catch (TException e) {
      throw new StorageException("cannot encode the state to restore", e);
    }
    return new EntryEncoder(maxEntrySize).frame(bytes.toByteArray());
  }
}
