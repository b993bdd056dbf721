package io.aurora.storage.durable;

import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskEvent;
import io.aurora.gen.storage.LogEntry;
import io.aurora.gen.storage.Op;
import io.aurora.gen.storage.Transaction;
import io.aurora.gen.storage.storageConstants;
import io.aurora.log.Entry;
import io.aurora.log.Position;
import io.aurora.storage.mem.RecordingStores;
import io.aurora.storage.mem.StateDraft;
import io.aurora.storage.mem.StoreState;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReplayerTest {
  private final EntryEncoder encoder = new EntryEncoder(512 * 1024);

  private static List<Op> ops(StoreState base, Consumer<RecordingStores> work) {
    RecordingStores tx = new RecordingStores(new StateDraft(base));
    work.accept(tx);
    return tx.finish();
  }

  private Entry txn(long position, List<Op> ops) {
    return new Entry(Position.of(position), encoder.encode(LogEntry.transaction(
        new Transaction(ops, storageConstants.CURRENT_SCHEMA_VERSION))).get(0));
  }

  private Entry snapshot(long position, StoreState state) {
    return new Entry(Position.of(position),
        encoder.encode(LogEntry.snapshot(state.toSnapshot(0))).get(0));
  }

  /**
   * The log after a snapshot built at position 1 was appended at 3 while transaction 2
   * committed, and then truncated before 2.
   */
  @Test
  public void truncatedLog_holdsTransactionsUntilTheSnapshot_thenAppliesThoseAfterIt() {
    List<Op> first = ops(StoreState.empty(), tx -> tx.taskStore().saveTasks(
        instances(job("a"), 2, "{}")));
    StoreState s1 = StoreState.empty().apply(first, 1);
    List<Op> second = ops(s1, tx -> tx.taskStore().changeStatus("a-0",
        new TaskEvent(5L, ScheduleStatus.ASSIGNED)));
    StoreState s2 = s1.apply(second, 2);
    List<Op> fourth = ops(s2, tx -> tx.schedulerStore().saveFrameworkId("fw"));
    StoreState s4 = s2.apply(fourth, 4);

    Replayer cold = new Replayer(StoreState.empty(), false);
    cold.accept(txn(2, second));
    cold.accept(snapshot(3, s1));
    cold.accept(txn(4, fourth));
    assertThat(cold.state().toSnapshot(0)).isEqualTo(s4.toSnapshot(0));
    assertThat(cold.snapshotsLoaded()).isEqualTo(1);

    // A replica that read the log from its beginning skips the snapshot it is already past.
    Replayer full = new Replayer(StoreState.empty(), true);
    full.accept(txn(1, first));
    full.accept(txn(2, second));
    full.accept(snapshot(3, s1));
    full.accept(txn(4, fourth));
    assertThat(full.state().toSnapshot(0)).isEqualTo(s4.toSnapshot(0));
    assertThat(full.snapshotsLoaded()).isZero();
  }

  @Test
  public void truncatedLogWithoutSnapshot_isCorrupt() {
    Replayer cold = new Replayer(StoreState.empty(), false);
    cold.accept(txn(7, ops(StoreState.empty(), tx -> tx.schedulerStore().saveFrameworkId("x"))));
    assertThatThrownBy(cold::state).isInstanceOf(CorruptEntryException.class);
  }

  @Test
  public void transactionThatDoesNotApply_isCorrupt() {
    List<Op> bad = List.of(Op.removeTaskConfigs(new io.aurora.gen.storage.RemoveTaskConfigs(
        java.util.Set.of("x"))), Op.changeTaskStatus(new io.aurora.gen.storage.ChangeTaskStatus(
        "ghost", ScheduleStatus.RUNNING, new TaskEvent(1L, ScheduleStatus.RUNNING))));
    Replayer replayer = new Replayer(StoreState.empty(), true);
    assertThatThrownBy(() -> replayer.accept(txn(1, bad)))
        .isInstanceOf(CorruptEntryException.class).hasMessageContaining("ghost");
  }
}
