package io.aurora.storage;

import static io.aurora.storage.StoreFixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.Attribute;
import io.aurora.gen.HostAttributes;
import io.aurora.gen.MaintenanceMode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link AttributeStore}. */
public abstract class AttributeStoreContract {

  protected abstract Storage storage();

  private static boolean save(Storage storage, HostAttributes attributes) {
    return storage.write(s -> s.attributeStore().saveHostAttributes(attributes));
  }

  @Test
  public void newHost_getsModeNone_andUnchangedSaveWritesNothing() {
    Storage storage = storage();
    assertThat(save(storage, host("h1"))).isTrue();
    assertThat(storage.read((StoreProvider s) -> s.attributeStore().fetchHostAttributes("h1")))
        .hasValueSatisfying(a -> assertThat(a.getMode()).isEqualTo(MaintenanceMode.NONE));
    assertThat(save(storage, host("h1"))).isFalse();
  }

  @Test
  public void maintenanceModes_matchTheStoredAttributes() {
    Storage storage = storage();
    save(storage, host("h1").setMode(MaintenanceMode.DRAINING));
    save(storage, host("h2"));
    assertThat(storage.read((StoreProvider s) -> s.attributeStore().fetchMaintenanceModes()))
        .containsOnly(java.util.Map.entry("h1", MaintenanceMode.DRAINING),
            java.util.Map.entry("h2", MaintenanceMode.NONE));
    assertThat(storage.write((MutableStoreProvider s) -> s.attributeStore().fetchMaintenanceModes()))
        .containsEntry("h1", MaintenanceMode.DRAINING).hasSize(2);
  }

  @Test
  public void saveWithoutMode_keepsMaintenanceMode() {
    Storage storage = storage();
    save(storage, host("h1").setMode(MaintenanceMode.DRAINING));
    HostAttributes refreshed = host("h1");
    refreshed.setAttributes(Set.of(new Attribute("rack", Set.of("r1"))));
    assertThat(save(storage, refreshed)).isTrue();

    HostAttributes stored = storage.read((StoreProvider s) -> s.attributeStore().fetchHostAttributes("h1"))
        .orElseThrow();
    assertThat(stored.getMode()).isEqualTo(MaintenanceMode.DRAINING);
    assertThat(stored.getAttributes()).hasSize(1);
    save(storage, host("h0"));
    assertThat(storage.read((StoreProvider s) -> s.attributeStore().fetchHostAttributes()))
        .extracting(HostAttributes::getHost).containsExactly("h0", "h1");
  }
}
