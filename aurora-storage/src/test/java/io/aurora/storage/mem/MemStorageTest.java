package io.aurora.storage.mem;

import io.aurora.storage.StorageContract;
import io.aurora.storage.Storage;

class MemStorageTest extends StorageContract {
  @Override
  protected Storage storage() {
    return new MemStorage();
  }
}
