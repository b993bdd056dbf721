package io.aurora.storage.mem;

import io.aurora.storage.SchedulerStoreContract;
import io.aurora.storage.Storage;

class MemSchedulerStoreTest extends SchedulerStoreContract {
  @Override
  protected Storage storage() {
    return new MemStorage();
  }
}
