package io.aurora.storage.durable;

import io.aurora.storage.QuotaStoreContract;
import io.aurora.storage.Storage;

class DurableQuotaStoreTest extends QuotaStoreContract {
  @Override
  protected Storage storage() {
    return InMemoryLogStorages.leader();
  }
}
