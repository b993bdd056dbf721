package io.aurora.storage.durable;

import io.aurora.storage.JobStoreContract;
import io.aurora.storage.Storage;

class DurableJobStoreTest extends JobStoreContract {
  @Override
  protected Storage storage() {
    return InMemoryLogStorages.leader();
  }
}
