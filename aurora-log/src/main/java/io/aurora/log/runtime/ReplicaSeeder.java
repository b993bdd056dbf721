package io.aurora.log.runtime;

import io.aurora.log.codec.RecordCodec;
import io.aurora.log.core.ReplicaMetadata;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Status;
import io.aurora.log.core.Value;
import io.aurora.log.core.quorum.Ballot;
import io.aurora.log.storage.FileLogStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a new log into an empty replica directory, offline: the given entries at positions 1, 2,
 * ..., all learned, and the replica VOTING. This is how a log that was lost is rebuilt from a
 * backup: every replica's directory is wiped and seeded with the same entries, then the replicas
 * start as a log whose first positions were chosen at one ballot.
 *
 * <p>Why every replica, and with the same entries: a replica that starts with an empty directory
 * next to a VOTING one neither bootstraps a new log nor can recover from a single VOTING replica
 * (it needs a quorum of them), and Paxos is safe only if every replica holding a learned position
 * holds the same value there. Seeding each directory with byte-identical entries makes the replicas
 * agree on every seeded position without running Paxos; the next writer's ballot is higher than
 * the seed ballot, so nothing seeded is ever overwritten. A directory that holds anything is
 * refused: the tool never merges into a log.
 */
public final class ReplicaSeeder {
  /** The ballot at which seeded positions count as chosen: above ZERO, below every writer's. */
  static final Ballot SEED = new Ballot(1, "seed");

  private ReplicaSeeder() {}

  /**
   * Seeds {@code dir} (created if missing; it must hold no log) with {@code entries}; returns the
   * last position written.
   *
   * @throws IllegalStateException if {@code dir} already holds a log
   */
  public static long seed(Path dir, List<byte[]> entries) {
    Objects.requireNonNull(dir, "dir");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("nothing to seed");
    }
    try (FileLogStorage storage = FileLogStorage.open(dir)) {
      if (storage.metadata().isPresent() || storage.lastPosition().isPresent()) {
        throw new IllegalStateException("the replica directory " + dir + " already holds a log;"
            + " stop its scheduler and delete the directory's contents first");
      }
      long position = 0;
      for (byte[] entry : entries) {
        position++;
        storage.put(position, RecordCodec.encodeSlot(
            new Slot(position, SEED, Value.append(entry))));
      }
      storage.putMetadata(RecordCodec.encodeMetadata(new ReplicaMetadata(Status.VOTING,
          UUID.randomUUID().toString(), SEED, 1, position, 0, Set.of())));
      storage.sync();
      return position;
    }
  }
}
