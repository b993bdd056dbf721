package io.aurora.log.runtime;

import io.aurora.log.Position;
import io.aurora.log.Writer;
import io.aurora.log.core.Value;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** A writer elected on a {@link ReplicaLoop}; the election's request id tells it from later ones. */
final class LoopWriter implements Writer {
  private final ReplicaLoop loop;
  private final long generation;

  LoopWriter(ReplicaLoop loop, long generation) {
    this.loop = loop;
    this.generation = generation;
  }

  @Override
  public CompletableFuture<Position> append(byte[] data) {
    Objects.requireNonNull(data, "data");
    // Copied: the caller may reuse its array while the entry is in flight.
    return loop.write(generation, Value.append(data.clone()));
  }

  @Override
  public CompletableFuture<Position> truncate(Position before) {
    Objects.requireNonNull(before, "before");
    return loop.write(generation, Value.truncate(before.value()));
  }

  @Override
  public boolean isActive() {
    return loop.isWriter(generation);
  }

  @Override
  public void close() {
    loop.resign(generation);
  }
}
