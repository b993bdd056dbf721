package io.aurora.storage.durable;

import io.aurora.storage.SchedulerStoreContract;
import io.aurora.storage.Storage;

class DurableSchedulerStoreTest extends SchedulerStoreContract {
  @Override
  protected Storage storage() {
    return InMemoryLogStorages.leader();
  }
}
