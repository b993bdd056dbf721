package io.aurora.log.runtime;

import io.aurora.log.LogOptions;
import io.aurora.log.codec.RecordCodec;
import io.aurora.log.core.CoreConfig;
import io.aurora.log.core.ReplicaMetadata;
import io.aurora.log.core.ReplicaCore;
import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.quorum.Quorum;
import io.aurora.log.storage.LogStorage;
import io.aurora.log.transport.PeerAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a replica's {@link ReplicaCore} from its options and what its storage holds. */
final class CoreLoader {
  private static final Logger LOG = LoggerFactory.getLogger(CoreLoader.class);
  /** Slots a catch-up response carries at most. */
  private static final int CATCHUP_BATCH = 64;

  private CoreLoader() {}

  /** The core of replica {@code self}, with the metadata and slots {@code storage} holds. */
  static ReplicaCore load(LogOptions options, ReplicaId self, LogStorage storage) {
    Optional<ReplicaMetadata> meta = storage.metadata().map(RecordCodec::decodeMetadata);
    StoredSlots slots = new StoredSlots(storage);
    ReplicaCore core = new ReplicaCore(config(options, self), meta, slots,
        storage.truncationPoint(), UUID.randomUUID().toString());
    LOG.info("replica {} restored: {} begin={} learned={} stored={} (values in memory from {})",
        self, core.status(), core.begin(), core.learnedUpTo(), slots,
        core.learnedInMemoryFrom());
    return core;
  }

  /**
   * The stored slots, decoded one at a time as the core iterates them: the core keeps only the
   * values it needs in memory, so a long untruncated log is never all in memory at once.
   */
  private static final class StoredSlots implements Iterable<Slot> {
    private final LogStorage storage;
    private final long first;
    private final long last;

    StoredSlots(LogStorage storage) {
      this.storage = storage;
      OptionalLong f = storage.firstPosition();
      this.first = f.orElse(0);
      this.last = f.isPresent() ? storage.lastPosition().orElseThrow() : -1;
    }

    @Override
    public Iterator<Slot> iterator() {
      return LongStream.rangeClosed(first, last)
          .mapToObj(p -> storage.get(p).map(RecordCodec::decodeSlot))
          .flatMap(Optional::stream)
          .iterator();
    }

    @Override
    public String toString() {
      return first <= last ? "[" + first + ", " + last + "]" : "none";
    }
  }

  /** Timeouts in ticks of {@code options.tickInterval()}. */
  static CoreConfig config(LogOptions options, ReplicaId self) {
    Set<ReplicaId> peers = options.peers().stream()
        .map(hp -> ReplicaId.of(PeerAddress.parse(hp.toString()).toString()))
        .collect(Collectors.toSet());
    long tick = options.tickInterval().toNanos();
    return new CoreConfig(self, new Quorum(options.quorumSize()), peers,
        ticks(options.electionTimeout(), tick), ticks(options.writeTimeout(), tick),
        Math.max(2, ticks(Duration.ofMillis(200), tick)), CATCHUP_BATCH,
        options.learnedValuesInMemory());
  }

  private static int ticks(Duration d, long tickNanos) {
    return (int) Math.max(1, (d.toNanos() + tickNanos - 1) / tickNanos);
  }
}
