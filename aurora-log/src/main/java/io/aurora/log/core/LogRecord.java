package io.aurora.log.core;

import java.util.Objects;

/** A storage request in a {@link Ready}: the runtime applies them in order, then fsyncs. */
public sealed interface LogRecord {
  /** Store (or overwrite) the slot at its position. */
  record SlotWrite(Slot slot) implements LogRecord {
    public SlotWrite {
      Objects.requireNonNull(slot, "slot");
    }
  }

  /** Replace the metadata record. */
  record MetadataWrite(ReplicaMetadata metadata) implements LogRecord {
    public MetadataWrite {
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  /** Delete every slot before {@code position}. */
  record TruncateBefore(long position) implements LogRecord {}
}
