package io.aurora.storage.mem;

import io.aurora.storage.JobStoreContract;
import io.aurora.storage.Storage;

class MemJobStoreTest extends JobStoreContract {
  @Override
  protected Storage storage() {
    return new MemStorage();
  }
}
