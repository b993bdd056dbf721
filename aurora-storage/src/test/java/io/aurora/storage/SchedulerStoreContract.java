package io.aurora.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.HostMaintenanceRequest;
import io.aurora.gen.PercentageSlaPolicy;
import io.aurora.gen.SlaPolicy;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link SchedulerStore} and {@link HostMaintenanceStore}. */
public abstract class SchedulerStoreContract {

  protected abstract Storage storage();

  @Test
  public void frameworkId_isStoredAndReplaced() {
    Storage storage = storage();
    assertThat(storage.read((StoreProvider s) -> s.schedulerStore().fetchFrameworkId())).isEmpty();
    storage.write(s -> {
      s.schedulerStore().saveFrameworkId("fw-1");
      s.schedulerStore().saveFrameworkId("fw-2");
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.schedulerStore().fetchFrameworkId())).contains("fw-2");
  }

  @Test
  public void maintenanceRequests_byHost() {
    Storage storage = storage();
    HostMaintenanceRequest request = new HostMaintenanceRequest("h1",
        SlaPolicy.percentageSlaPolicy(new PercentageSlaPolicy(95.0, 60L)), 600L, 1000L);
    storage.write(s -> {
      s.hostMaintenanceStore().saveHostMaintenanceRequest(request);
      s.hostMaintenanceStore().saveHostMaintenanceRequest(request.deepCopy().setHost("h0"));
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.hostMaintenanceStore().fetchHostMaintenanceRequest("h1")))
        .contains(request);
    assertThat(storage.read((StoreProvider s) -> s.hostMaintenanceStore().fetchHostMaintenanceRequests()))
        .extracting(HostMaintenanceRequest::getHost).containsExactly("h0", "h1");
    storage.write(s -> {
      s.hostMaintenanceStore().removeHostMaintenanceRequest("h1");
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.hostMaintenanceStore().fetchHostMaintenanceRequest("h1")))
        .isEmpty();
  }
}
