package io.aurora.storage.mem;

import io.aurora.storage.AttributeStoreContract;
import io.aurora.storage.Storage;

class MemAttributeStoreTest extends AttributeStoreContract {
  @Override
  protected Storage storage() {
    return new MemStorage();
  }
}
