package io.aurora.log.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A {@link LogStorage} held in heap, for tests and simulations. {@link #sync()} does nothing: there is
 * no disk, so nothing is lost until the object is dropped. {@link #copy()} gives an independent
 * storage with the same contents, which is how a test "reopens" it.
 */
public final class MemoryLogStorage implements LogStorage {
  private final TreeMap<Long, byte[]> records = new TreeMap<>();
  private byte[] metadata;
  private long truncationPoint;
  private boolean closed;

  public MemoryLogStorage() {}

  /** Returns a new, open storage holding the same metadata, records and truncation point. */
  public synchronized MemoryLogStorage copy() {
    checkOpen();
    MemoryLogStorage copy = new MemoryLogStorage();
    copy.metadata = metadata;
    copy.truncationPoint = truncationPoint;
    copy.records.putAll(records);
    return copy;
  }

  @Override
  public synchronized Optional<byte[]> metadata() {
    checkOpen();
    return Optional.ofNullable(metadata).map(byte[]::clone);
  }

  @Override
  public synchronized void putMetadata(byte[] meta) {
    checkOpen();
    metadata = meta.clone();
  }

  @Override
  public synchronized void put(long position, byte[] record) {
    checkOpen();
    checkArgument(position >= 0, "negative position %s", position);
    if (position >= truncationPoint) {
      records.put(position, record.clone());
    }
  }

  @Override
  public synchronized void sync() {
    checkOpen();
  }

  @Override
  public synchronized Optional<byte[]> get(long position) {
    checkOpen();
    return Optional.ofNullable(records.get(position)).map(byte[]::clone);
  }

  @Override
  public synchronized OptionalLong firstPosition() {
    checkOpen();
    return records.isEmpty() ? OptionalLong.empty() : OptionalLong.of(records.firstKey());
  }

  @Override
  public synchronized OptionalLong lastPosition() {
    checkOpen();
    return records.isEmpty() ? OptionalLong.empty() : OptionalLong.of(records.lastKey());
  }

  @Override
  public synchronized void truncateBefore(long position) {
    checkOpen();
    if (position > truncationPoint) {
      truncationPoint = position;
      Map<Long, byte[]> gone = records.headMap(position);
      gone.clear();
    }
  }

  @Override
  public synchronized long truncationPoint() {
    checkOpen();
    return truncationPoint;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void checkOpen() {
    checkState(!closed, "storage is closed");
  }
}
