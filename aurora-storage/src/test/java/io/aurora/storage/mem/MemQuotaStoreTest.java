package io.aurora.storage.mem;

import io.aurora.storage.QuotaStoreContract;
import io.aurora.storage.Storage;

class MemQuotaStoreTest extends QuotaStoreContract {
  @Override
  protected Storage storage() {
    return new MemStorage();
  }
}
