package io.aurora.storage.mem;

import io.aurora.storage.TaskStoreContract;
import io.aurora.storage.Storage;

class MemTaskStoreTest extends TaskStoreContract {
  @Override
  protected Storage storage() {
    return new MemStorage();
  }
}
