package io.aurora.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link QuotaStore}. */
public abstract class QuotaStoreContract {

  protected abstract Storage storage();

  private static ResourceAggregate quota(double cpus) {
    return new ResourceAggregate(Set.of(Resource.numCpus(cpus), Resource.ramMb(1024)));
  }

  @Test
  public void saveQuota_replaces_andRemoveDeletes() {
    Storage storage = storage();
    storage.write(s -> {
      s.quotaStore().saveQuota("web", quota(1));
      s.quotaStore().saveQuota("batch", quota(2));
      s.quotaStore().saveQuota("web", quota(3));
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.quotaStore().fetchQuota("web"))).contains(quota(3));
    assertThat(storage.read((StoreProvider s) -> s.quotaStore().fetchQuotas()).keySet())
        .containsExactly("batch", "web");

    storage.write(s -> {
      s.quotaStore().removeQuota("web");
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.quotaStore().fetchQuota("web"))).isEmpty();
    assertThat(storage.read((StoreProvider s) -> s.quotaStore().fetchQuotas())).containsOnlyKeys("batch");
  }
}
