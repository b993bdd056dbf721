package io.aurora.log.storage;

class MemoryLogStorageTest extends LogStorageContract {
  @Override
  protected LogStorage create() {
    return new MemoryLogStorage();
  }

  @Override
  protected LogStorage reopen(LogStorage old) {
    LogStorage copy = ((MemoryLogStorage) old).copy();
    old.close();
    return copy;
  }
}
