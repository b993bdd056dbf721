package io.aurora.log.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fault-injecting disk keeps the contract, and loses exactly what a crash may lose. */
class FaultyDiskTest extends LogStorageContract {
  private FaultyDisk disk;

  @Override
  protected LogStorage create() {
    disk = new FaultyDisk();
    return disk.open();
  }

  @Override
  protected LogStorage reopen(LogStorage old) {
    old.close();
    return disk.open();
  }

  @Test
  void crash_losesUnsyncedWrites_keepsSyncedOnes() {
    storage.put(1, bytes("synced"));
    storage.putMetadata(bytes("m1"));
    storage.sync();
    storage.put(2, bytes("unsynced"));
    storage.putMetadata(bytes("m2"));
    storage.truncateBefore(1);
    assertThat(disk.unsyncedWrites()).isEqualTo(3);

    disk.crash();
    assertThatThrownBy(() -> storage.get(1)).isInstanceOf(IllegalStateException.class);
    storage = disk.open();
    assertThat(storage.get(1)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("synced")));
    assertThat(storage.get(2)).isEmpty();
    assertThat(storage.metadata()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("m1")));
  }

  @Test
  void crashKeeping_keepsAPrefixOfUnsyncedWrites() {
    storage.put(1, bytes("a"));
    storage.put(2, bytes("b"));
    storage.put(3, bytes("c"));
    disk.crashKeeping(2);
    storage = disk.open();
    assertThat(storage.lastPosition()).hasValue(2);
    assertThat(storage.get(3)).isEmpty();
  }

  @Test
  void crashTearingLastWrite_dropsOnlyTheLastUnsyncedWrite() {
    storage.put(1, bytes("a"));
    storage.sync();
    storage.put(2, bytes("b"));
    storage.putMetadata(bytes("torn"));
    disk.crashTearingLastWrite();
    storage = disk.open();
    assertThat(storage.get(2)).isPresent();
    assertThat(storage.metadata()).isEmpty();
  }

  @Test
  void failedSync_makesNothingDurable_andRefusesUseUntilReopened() {
    storage.put(1, bytes("a"));
    storage.sync();
    storage.put(2, bytes("b"));
    disk.failNextSync();
    assertThatThrownBy(storage::sync).isInstanceOf(LogStorageException.class);
    assertThatThrownBy(() -> storage.get(1)).isInstanceOf(LogStorageException.class);

    storage = disk.open();
    assertThat(storage.get(1)).isPresent();
    assertThat(storage.get(2)).isEmpty();
    storage.put(3, bytes("c"));
    storage.sync();
    assertThat(disk.syncs()).isEqualTo(2);
  }
}
