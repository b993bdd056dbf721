package io.aurora.log.core;

import io.aurora.log.core.Message.CatchupResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Completes the catch-up responses of a core that evicted learned values from memory
 * ({@link CoreConfig#learnedValuesInMemory()}): the core puts a {@link Value#evicted()} placeholder
 * where it no longer holds the value, and whoever sends the message (the runtime, or a simulation)
 * fills it from the replica's storage here, before it is encoded.
 *
 * <p>The storage must answer with everything written so far, synced or not: a learned slot's
 * record was written (in the same or an earlier Ready) before the core could evict it. The filled
 * response keeps the byte bound of {@link Learner}: a message stays within the transport's frame.
 * A position storage no longer holds (truncated in the meantime) ends the response there; the
 * slots of a catch-up response must be contiguous, and the peer asks again for the rest.
 */
public final class EvictedSlots {
  /** Where a replica's stored slots are read back from. */
  @FunctionalInterface
  public interface Store {
    /** The slot last written at {@code position}, synced or not; empty if absent or truncated. */
    Optional<Slot> slot(long position);
  }

  private EvictedSlots() {}

  /** {@code m} with every evicted value filled from {@code store}; other messages unchanged. */
  public static Message fill(Message m, Store store) {
    if (!(m instanceof CatchupResponse r)
        || r.slots().stream().noneMatch(s -> s.value().isEvicted())) {
      return m;
    }
    List<Slot> out = new ArrayList<>(r.slots().size());
    long bytes = 0;
    for (Slot s : r.slots()) {
      Slot full = s.value().isEvicted() ? store.slot(s.position()).orElse(null) : s;
      if (full == null || full.position() != s.position() || full.value().isEvicted()) {
        break;
      }
      long size = full.value().data().length;
      if (!out.isEmpty() && bytes + size > Learner.MAX_MESSAGE_BYTES) {
        break;
      }
      out.add(full);
      bytes += size;
    }
    return new CatchupResponse(r.begin(), r.learnedUpTo(), out);
  }
}
