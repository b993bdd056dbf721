package io.aurora.storage.durable;

import io.aurora.storage.JobUpdateStoreContract;
import io.aurora.storage.Storage;

class DurableJobUpdateStoreTest extends JobUpdateStoreContract {
  @Override
  protected Storage storage() {
    return InMemoryLogStorages.leader();
  }
}
