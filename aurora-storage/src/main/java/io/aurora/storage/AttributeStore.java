package io.aurora.storage;

import io.aurora.gen.HostAttributes;
import java.util.List;
import java.util.Optional;

/** Agent attributes and maintenance modes, by host. */
public interface AttributeStore {
  Optional<HostAttributes> fetchHostAttributes(String host);

  /** Every host's attributes, ordered by host. */
  List<HostAttributes> fetchHostAttributes();

  /** Attribute mutations of a write transaction. */
  interface Mutable extends AttributeStore {
    /**
     * Inserts or replaces a host's attributes. When {@code attributes.mode} is unset the host keeps
     * its current maintenance mode ({@code NONE} for a new host), so that refreshing attributes from
     * an offer never ends maintenance.
     *
     * @return whether anything changed (nothing is written otherwise)
     */
    boolean saveHostAttributes(HostAttributes attributes);
  }
}
