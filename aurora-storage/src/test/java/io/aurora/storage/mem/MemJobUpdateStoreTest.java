package io.aurora.storage.mem;

import io.aurora.storage.JobUpdateStoreContract;
import io.aurora.storage.Storage;

class MemJobUpdateStoreTest extends JobUpdateStoreContract {
  @Override
  protected Storage storage() {
    return new MemStorage();
  }
}
