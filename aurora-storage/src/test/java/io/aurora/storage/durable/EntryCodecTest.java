package io.aurora.storage.durable;

import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.storage.LogEntry;
import io.aurora.gen.storage.Transaction;
import io.aurora.gen.storage.storageConstants;
import io.aurora.log.Entry;
import io.aurora.log.Position;
import io.aurora.storage.mem.RecordingStores;
import io.aurora.storage.mem.StateDraft;
import io.aurora.storage.mem.StoreState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

  /** A transaction of {@code count} tasks with incompressible executor data. */
  private static LogEntry bigTransaction(int count) {
    byte[] noise = new byte[3000];
    new Random(7).nextBytes(noise);
    RecordingStores tx = new RecordingStores(new StateDraft(StoreState.empty()));
    tx.taskStore().saveTasks(instances(job("big"), count,
        java.util.Base64.getEncoder().encodeToString(noise)));
    return LogEntry.transaction(new Transaction(tx.finish(),
        storageConstants.CURRENT_SCHEMA_VERSION));
  }

  private static List<Entry> positioned(List<byte[]> records, long first) {
    List<Entry> out = new ArrayList<>();
    for (byte[] r : records) {
      out.add(new Entry(Position.of(first + out.size()), r));
    }
    return out;
  }

  private static List<EntryDecoder.Decoded> decodeAll(EntryDecoder decoder, List<Entry> entries) {
    List<EntryDecoder.Decoded> out = new ArrayList<>();
    for (Entry e : entries) {
      decoder.accept(e).ifPresent(out::add);
    }
    return out;
  }

  @Test
  public void smallEntry_isOneRecord() {
    LogEntry entry = bigTransaction(1);
    List<byte[]> records = new EntryEncoder(512 * 1024).encode(entry);
    assertThat(records).hasSize(1);
    assertThat(decodeAll(new EntryDecoder(), positioned(records, 5)))
        .containsExactly(new EntryDecoder.Decoded(entry, 5));
  }

  @Test
  public void largeEntry_isFramed_andReassembles() {
    LogEntry entry = bigTransaction(20);
    List<byte[]> records = new EntryEncoder(1024).encode(entry);
    assertThat(records.size()).isGreaterThan(3);
    assertThat(records).allMatch(r -> r.length <= 1024 + 64);
    List<EntryDecoder.Decoded> decoded = decodeAll(new EntryDecoder(), positioned(records, 10));
    assertThat(decoded).hasSize(1);
    assertThat(decoded.get(0).entry()).isEqualTo(entry);
    assertThat(decoded.get(0).position()).isEqualTo(10 + records.size() - 1);
  }

  @Test
  public void corruptChunk_isDetected() {
    List<byte[]> records = new EntryEncoder(1024).encode(bigTransaction(20));
    byte[] chunk = records.get(2);
    chunk[chunk.length / 2] ^= 0x55;
    assertThatThrownBy(() -> decodeAll(new EntryDecoder(), positioned(records, 1)))
        .isInstanceOf(CorruptEntryException.class).hasMessageContaining("checksum mismatch");
  }

  @Test
  public void unfinishedFrames_areDropped_andTheNextEntryDecodes() {
    List<byte[]> framed = new EntryEncoder(1024).encode(bigTransaction(20));
    LogEntry next = bigTransaction(1);
    List<byte[]> records = new ArrayList<>(framed.subList(0, 2));
    records.addAll(new EntryEncoder(1024).encode(next));
    EntryDecoder decoder = new EntryDecoder();
    List<EntryDecoder.Decoded> decoded = decodeAll(decoder, positioned(records, 1));
    assertThat(decoded).extracting(EntryDecoder.Decoded::entry).containsExactly(next);
    assertThat(decoder.abandonedFrames()).isEqualTo(1);
  }

  @Test
  public void unframedRecordsBetweenChunks_decodeInPlace_andTheFramedEntryStillCompletes() {
    LogEntry big = bigTransaction(20);
    List<byte[]> framed = new EntryEncoder(1024).encode(big);
    LogEntry small = bigTransaction(1);
    byte[] smallRecord = new EntryEncoder(512 * 1024).encode(small).get(0);
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < framed.size(); i++) {
      records.add(framed.get(i));
      if (i == 1 || i == 2) {
        records.add(smallRecord);
      }
    }
    EntryDecoder decoder = new EntryDecoder();
    List<EntryDecoder.Decoded> decoded = decodeAll(decoder, positioned(records, 1));
    assertThat(decoded).containsExactly(new EntryDecoder.Decoded(small, 3),
        new EntryDecoder.Decoded(small, 5),
        new EntryDecoder.Decoded(big, records.size()));
    assertThat(decoder.abandonedFrames()).isZero();
  }

  @Test
  public void garbage_isCorrupt() {
    assertThatThrownBy(() -> new EntryDecoder().accept(
        new Entry(Position.of(1), new byte[] {1, 2, 3, 4, 5})))
        .isInstanceOf(CorruptEntryException.class);
    assertThat(Optional.empty()).isEmpty();
  }

  @Test
  public void snapshots_areDeflated() {
    StoreState state = StoreState.empty().apply(bigTransaction(1).getTransaction().getOps(), 3);
    LogEntry snapshot = LogEntry.snapshot(state.toSnapshot(1L));
    List<byte[]> records = new EntryEncoder(512 * 1024).encode(snapshot);
    LogEntry raw = new LogEntry();
    try {
      ThriftCodec.decode(raw, records.get(0));
    } catch (org.apache.thrift.TException e) {
      throw new AssertionError(e);
    }
    assertThat(raw.isSetDeflatedEntry()).isTrue();
    assertThat(decodeAll(new EntryDecoder(), positioned(records, 1)).get(0).entry())
        .isEqualTo(snapshot);
  }
}
