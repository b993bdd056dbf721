package io.aurora.storage;

import static io.aurora.storage.StoreFixtures.job;
import static io.aurora.storage.StoreFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link JobUpdateStore}. */
public abstract class JobUpdateStoreContract {

  protected abstract Storage storage();

  private static final JobUpdateKey A1 = new JobUpdateKey(job("a"), "u1");
  private static final JobUpdateKey B1 = new JobUpdateKey(job("b"), "u2");

  private static void seed(Storage storage) {
    storage.write(s -> {
      JobUpdateStore.Mutable store = s.jobUpdateStore();
      store.saveJobUpdate(update(job("a"), "u1", "alice"));
      store.saveJobUpdateEvent(A1, new JobUpdateEvent(JobUpdateStatus.ROLLING_FORWARD, 100L));
      store.saveJobInstanceUpdateEvent(A1,
          new JobInstanceUpdateEvent(0, 150L, JobUpdateAction.INSTANCE_UPDATING));
      store.saveJobUpdateEvent(A1, new JobUpdateEvent(JobUpdateStatus.ROLLED_FORWARD, 200L));
      store.saveJobUpdate(update(job("b"), "u2", "bob"));
      store.saveJobUpdateEvent(B1, new JobUpdateEvent(JobUpdateStatus.ROLLING_FORWARD, 300L));
      return null;
    });
  }

  @Test
  public void details_carryEventsAndDerivedState() {
    Storage storage = storage();
    seed(storage);
    JobUpdateDetails details = storage.read((StoreProvider s) -> s.jobUpdateStore().fetchJobUpdate(A1))
        .orElseThrow();
    assertThat(details.getUpdateEvents()).extracting(JobUpdateEvent::getStatus)
        .containsExactly(JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLLED_FORWARD);
    assertThat(details.getInstanceEvents()).hasSize(1);
    assertThat(details.getUpdate().getSummary().getState().getStatus())
        .isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(details.getUpdate().getSummary().getState().getCreatedTimestampMs()).isEqualTo(100);
    assertThat(details.getUpdate().getSummary().getState().getLastModifiedTimestampMs())
        .isEqualTo(200);
  }

  @Test
  public void query_filtersAndOrdersNewestFirst() {
    Storage storage = storage();
    seed(storage);
    assertThat(storage.read((StoreProvider s) -> s.jobUpdateStore().fetchJobUpdates(new JobUpdateQuery())))
        .extracting(d -> d.getUpdate().getSummary().getKey()).containsExactly(B1, A1);
    assertThat(storage.read((StoreProvider s) -> s.jobUpdateStore().fetchJobUpdates(
        new JobUpdateQuery().setUser("alice")))).hasSize(1);
    assertThat(storage.read((StoreProvider s) -> s.jobUpdateStore().fetchJobUpdates(new JobUpdateQuery()
        .setUpdateStatuses(Set.of(JobUpdateStatus.ROLLING_FORWARD)))))
        .extracting(d -> d.getUpdate().getSummary().getKey()).containsExactly(B1);
    assertThat(storage.read((StoreProvider s) -> s.jobUpdateStore().fetchJobUpdates(
        new JobUpdateQuery().setJobKey(job("a")).setLimit(5)))).hasSize(1);
  }

  @Test
  public void query_ordersByLastModification_thenCreation_andPages() {
    Storage storage = storage();
    seed(storage);
    JobUpdateKey a2 = new JobUpdateKey(job("a"), "u3");
    JobUpdateKey c1 = new JobUpdateKey(job("c"), "u4");
    storage.write(s -> {
      JobUpdateStore.Mutable store = s.jobUpdateStore();
      // Created before B1 but modified after it, by an instance event.
      store.saveJobUpdate(update(job("a"), "u3", "alice"));
      store.saveJobUpdateEvent(a2, new JobUpdateEvent(JobUpdateStatus.ROLLING_FORWARD, 250L));
      store.saveJobInstanceUpdateEvent(a2,
          new JobInstanceUpdateEvent(0, 400L, JobUpdateAction.INSTANCE_UPDATING));
      // Modified at the same time as A2, created later: first among the two.
      store.saveJobUpdate(update(job("c"), "u4", "carol"));
      store.saveJobUpdateEvent(c1, new JobUpdateEvent(JobUpdateStatus.ROLLING_FORWARD, 400L));
      return null;
    });
    assertThat(keys(storage, new JobUpdateQuery())).containsExactly(c1, a2, B1, A1);
    assertThat(keys(storage, new JobUpdateQuery().setOffset(1).setLimit(2)))
        .containsExactly(a2, B1);
    assertThat(keys(storage, new JobUpdateQuery().setOffset(3).setLimit(Integer.MAX_VALUE)))
        .containsExactly(A1);
    assertThat(keys(storage, new JobUpdateQuery().setOffset(9))).isEmpty();
    assertThat(keys(storage, new JobUpdateQuery().setRole("www-data"))).hasSize(4);
    assertThat(keys(storage, new JobUpdateQuery().setRole("nobody"))).isEmpty();
    assertThat(keys(storage, new JobUpdateQuery().setJobKey(job("a")))).containsExactly(a2, A1);
    assertThat(keys(storage, new JobUpdateQuery().setKey(A1))).containsExactly(A1);
    assertThat(keys(storage, new JobUpdateQuery().setJobKey(job("a")).setUser("bob"))).isEmpty();
  }

  private static java.util.List<JobUpdateKey> keys(Storage storage, JobUpdateQuery query) {
    return storage.read((StoreProvider s) -> s.jobUpdateStore().fetchJobUpdates(query)).stream()
        .map(d -> d.getUpdate().getSummary().getKey()).toList();
  }

  @Test
  public void remove_dropsHistory_andEventsNeedAnUpdate() {
    Storage storage = storage();
    seed(storage);
    storage.write(s -> {
      s.jobUpdateStore().removeJobUpdates(Set.of(A1));
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.jobUpdateStore().fetchUpdateKeys())).containsExactly(B1);
    assertThatThrownBy(() -> storage.write(s -> {
      s.jobUpdateStore().saveJobUpdateEvent(A1,
          new JobUpdateEvent(JobUpdateStatus.ABORTED, 1L));
      return null;
    })).isInstanceOf(IllegalArgumentException.class);
  }
}
