package io.aurora.storage.durable;

import io.aurora.storage.Storage;
import io.aurora.storage.StorageContract;

class DurableTransactionsTest extends StorageContract {
  @Override
  protected Storage storage() {
    return InMemoryLogStorages.leader();
  }
}
