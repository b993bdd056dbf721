package io.aurora.storage.durable;

import io.aurora.storage.TaskStoreContract;
import io.aurora.storage.Storage;

class DurableTaskStoreTest extends TaskStoreContract {
  @Override
  protected Storage storage() {
    return InMemoryLogStorages.leader();
  }
}
