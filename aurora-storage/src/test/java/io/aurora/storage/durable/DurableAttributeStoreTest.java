package io.aurora.storage.durable;

import io.aurora.storage.AttributeStoreContract;
import io.aurora.storage.Storage;

class DurableAttributeStoreTest extends AttributeStoreContract {
  @Override
  protected Storage storage() {
    return InMemoryLogStorages.leader();
  }
}
