package io.aurora.storage.durable;

import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.storage.LogEntry;
import io.aurora.log.Entry;
import io.aurora.log.Position;
import io.aurora.storage.mem.RecordingStores;
import io.aurora.storage.mem.StateDraft;
import io.aurora.storage.mem.StoreState;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.thrift.TException;
import org.junit.jupiter.api.Test;

class SnapshotEncoderTest {

  /** {@code jobs} jobs of 3 tasks, each job's config with 3000 incompressible bytes. */
  static StoreState state(int jobs, long position) {
    Random random = new Random(11);
    RecordingStores tx = new RecordingStores(new StateDraft(StoreState.empty()));
    for (int j = 0; j < jobs; j++) {
      byte[] noise = new byte[3000];
      random.nextBytes(noise);
      tx.taskStore().saveTasks(instances(job("job" + j), 3,
          Base64.getEncoder().encodeToString(noise)));
    }
    tx.schedulerStore().saveFrameworkId("fw");
    return StoreState.empty().apply(tx.finish(), position);
  }

  private static List<EntryDecoder.Decoded> decode(List<byte[]> records, long skipUpTo) {
    EntryDecoder decoder = new EntryDecoder();
    List<EntryDecoder.Decoded> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      decoder.accept(new Entry(Position.of(100 + i), records.get(i)), skipUpTo)
          .ifPresent(out::add);
    }
    return out;
  }

  private static LogEntry raw(byte[] record) {
    try {
      return ThriftCodec.decode(new LogEntry(), record);
    } catch (TException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  public void smallSnapshot_isOneDeflatedRecord_thatDecodesToTheSnapshot() {
    StoreState state = state(1, 7);
    List<byte[]> records = new SnapshotEncoder(512 * 1024).encode(state, 42L);
    assertThat(records).hasSize(1);
    assertThat(raw(records.get(0)).isSetDeflatedEntry()).isTrue();
    assertThat(decode(records, -1)).extracting(EntryDecoder.Decoded::entry)
        .containsExactly(LogEntry.snapshot(state.toSnapshot(42L)));
  }

  @Test
  public void largeSnapshot_isFramedInSmallChunks_thatReassembleToTheSnapshot() {
    StoreState state = state(40, 7);
    List<byte[]> records = new SnapshotEncoder(512 * 1024).encode(state, 42L);
    // About 120 KB of compressed executor data: a header and two or more small chunks,
    // although a single record of up to 512 KB would be allowed.
    assertThat(records.size()).isGreaterThanOrEqualTo(3);
    assertThat(raw(records.get(0)).getFrame().isSetHeader()).isTrue();
    assertThat(records.subList(1, records.size()))
        .allMatch(r -> r.length <= SnapshotEncoder.CHUNK_BYTES + 64)
        .allMatch(r -> raw(r).getFrame().isSetChunk());
    List<EntryDecoder.Decoded> decoded = decode(records, -1);
    assertThat(decoded).hasSize(1);
    assertThat(decoded.get(0).entry()).isEqualTo(LogEntry.snapshot(state.toSnapshot(42L)));
    assertThat(decoded.get(0).position()).isEqualTo(100 + records.size() - 1);
  }

  @Test
  public void chunksNeverExceedASmallMaximumEntrySize() {
    List<byte[]> records = new SnapshotEncoder(2048).encode(state(3, 7), 42L);
    assertThat(records.size()).isGreaterThan(5);
    assertThat(records).allMatch(r -> r.length <= 2048 + 64);
  }

  @Test
  public void aReaderPastTheSnapshotsPosition_skipsIt_withoutDecoding() {
    StoreState state = state(40, 7);
    List<byte[]> records = new SnapshotEncoder(512 * 1024).encode(state, 42L);
    assertThat(decode(records, 7)).extracting(EntryDecoder.Decoded::entry)
        .containsExactly(LogEntry.noop(true));
    assertThat(decode(records, 6)).extracting(EntryDecoder.Decoded::entry)
        .containsExactly(LogEntry.snapshot(state.toSnapshot(42L)));
  }

  @Test
  public void encoding_pausesEveryFewThousandTasks_andTheRecordsStayTheSame() {
    RecordingStores tx = new RecordingStores(new StateDraft(StoreState.empty()));
    tx.taskStore().saveTasks(instances(job("many"), 4500, "{}"));
    StoreState state = StoreState.empty().apply(tx.finish(), 3);
    AtomicInteger pauses = new AtomicInteger();
    List<byte[]> paused = new SnapshotEncoder(512 * 1024).encode(state, 42L,
        pauses::incrementAndGet);
    assertThat(pauses.get()).isEqualTo(2);
    assertThat(paused).containsExactlyElementsOf(new SnapshotEncoder(512 * 1024).encode(state, 42L));
  }
}
