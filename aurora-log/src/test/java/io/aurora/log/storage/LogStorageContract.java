package io.aurora.log.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link LogStorage} has; each implementation's test extends this. */
abstract class LogStorageContract {
  protected LogStorage storage;

  /** A new, empty storage. */
  protected abstract LogStorage create();

  /** Closes {@code old} and opens the same storage again, with what it made durable. */
  protected abstract LogStorage reopen(LogStorage old);

  @BeforeEach
  void createStorage() {
    storage = create();
  }

  @AfterEach
  void closeStorage() {
    storage.close();
  }

  static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private void reopen() {
    storage = reopen(storage);
  }

  @Test
  void empty_hasNothing() {
    assertThat(storage.metadata()).isEmpty();
    assertThat(storage.get(0)).isEmpty();
    assertThat(storage.firstPosition()).isEmpty();
    assertThat(storage.lastPosition()).isEmpty();
    assertThat(storage.truncationPoint()).isZero();
  }

  @Test
  void put_isReadableBeforeAndAfterSync() {
    storage.put(3, bytes("three"));
    assertThat(storage.get(3)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("three")));
    storage.sync();
    assertThat(storage.get(3)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("three")));
    assertThat(storage.get(2)).isEmpty();
    assertThat(storage.get(4)).isEmpty();
  }

  @Test
  void put_samePosition_replacesRecord() {
    storage.put(1, bytes("old"));
    storage.sync();
    storage.put(1, bytes("new"));
    assertThat(storage.get(1)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("new")));
    storage.sync();
    reopen();
    assertThat(storage.get(1)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("new")));
  }

  @Test
  void put_copiesTheCallersArray() {
    byte[] record = bytes("abc");
    storage.put(0, record);
    record[0] = 'X';
    assertThat(storage.get(0)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("abc")));
  }

  @Test
  void put_emptyRecord_isStored() {
    storage.put(5, new byte[0]);
    storage.sync();
    reopen();
    assertThat(storage.get(5)).hasValueSatisfying(v -> assertThat(v).isEmpty());
  }

  @Test
  void put_negativePosition_isRejected() {
    assertThatThrownBy(() -> storage.put(-1, bytes("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  @Test
  void firstAndLastPosition_followPuts() {
    storage.put(10, bytes("a"));
    storage.put(4, bytes("b"));
    storage.put(7, bytes("c"));
    assertThat(storage.firstPosition()).hasValue(4);
    assertThat(storage.lastPosition()).hasValue(10);
  }

  @Test
  void metadata_lastPutWins_andSurvivesReopen() {
    storage.putMetadata(bytes("m1"));
    storage.putMetadata(bytes("m2"));
    assertThat(storage.metadata()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("m2")));
    storage.sync();
    reopen();
    assertThat(storage.metadata()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("m2")));
  }

  @Test
  void truncateBefore_dropsLowerPositions_andIgnoresLaterPutsBelowIt() {
    for (long p = 0; p < 10; p++) {
      storage.put(p, bytes("r" + p));
    }
    storage.truncateBefore(6);
    assertThat(storage.get(5)).isEmpty();
    assertThat(storage.get(6)).isPresent();
    assertThat(storage.firstPosition()).hasValue(6);
    assertThat(storage.lastPosition()).hasValue(9);
    assertThat(storage.truncationPoint()).isEqualTo(6);

    storage.put(2, bytes("late"));
    assertThat(storage.get(2)).isEmpty();
    storage.truncateBefore(3);
    assertThat(storage.truncationPoint()).isEqualTo(6);
  }

  @Test
  void truncateBefore_survivesReopen() {
    for (long p = 0; p < 10; p++) {
      storage.put(p, bytes("r" + p));
    }
    storage.truncateBefore(6);
    storage.sync();
    reopen();
    assertThat(storage.get(5)).isEmpty();
    assertThat(storage.firstPosition()).hasValue(6);
    assertThat(storage.truncationPoint()).isEqualTo(6);
    assertThat(storage.get(9)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("r9")));
  }

  @Test
  void truncateBefore_everything_leavesEmptyLog() {
    storage.put(1, bytes("a"));
    storage.truncateBefore(100);
    assertThat(storage.firstPosition()).isEmpty();
    assertThat(storage.lastPosition()).isEmpty();
    storage.sync();
    reopen();
    assertThat(storage.firstPosition()).isEmpty();
    assertThat(storage.truncationPoint()).isEqualTo(100);
  }

  @Test
  void reopen_afterSync_keepsManyRecords() {
    Random random = new Random(42);
    byte[][] records = new byte[500][];
    for (int p = 0; p < records.length; p++) {
      records[p] = new byte[random.nextInt(3000)];
      random.nextBytes(records[p]);
      storage.put(p, records[p]);
    }
    storage.putMetadata(bytes("meta"));
    storage.sync();
    reopen();
    for (int p = 0; p < records.length; p++) {
      assertThat(storage.get(p)).as("position %s", p).hasValue(records[p]);
    }
    assertThat(storage.lastPosition()).hasValue(records.length - 1);
    assertThat(storage.metadata()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("meta")));
  }

  @Test
  void closed_refusesUse() {
    storage.close();
    assertThatThrownBy(() -> storage.get(0)).isInstanceOf(IllegalStateException.class);
  }
}
