package io.aurora.log.storage;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Where each position's current record lives: (segment id, offset, frame length), in about 16 bytes
 * per position. Log positions are dense, so entries sit in arrays of {@link #CHUNK} consecutive
 * positions rather than in a map of boxed keys and objects (about 90 bytes each), which matters for
 * a scheduler that writes millions of entries between truncations. A chunk is created on the first
 * put into its range and dropped when its last entry goes, so sparse positions cost a chunk each.
 *
 * <p>Every entry that is replaced or removed is reported to {@code onRelease} with its segment id,
 * which is how FileLogStorage counts the live records in each segment.
 */
final class PositionIndex {
  static final int CHUNK = 1024;
  private static final int SHIFT = 10;
  private static final int MASK = CHUNK - 1;

  private static final class Chunk {
    final long[] offsets = new long[CHUNK];
    final int[] segments = new int[CHUNK];
    /** Frame length; 0 marks an empty slot (a frame is never empty). */
    final int[] lengths = new int[CHUNK];
    int count;
  }

  /** One entry, as returned by {@link #get}. */
  record Location(int segment, long offset, int frameBytes) {}

  private final TreeMap<Long, Chunk> chunks = new TreeMap<>();
  private final IntConsumer onRelease;
  private long size;

  PositionIndex(IntConsumer onRelease) {
    this.onRelease = onRelease;
  }

  long size() {
    return size;
  }

  void put(long position, int segment, long offset, int frameBytes) {
    checkArgument(position >= 0 && frameBytes > 0, "bad entry %s/%s", position, frameBytes);
    Chunk chunk = chunks.computeIfAbsent(position >>> SHIFT, k -> new Chunk());
    int i = (int) (position & MASK);
    if (chunk.lengths[i] != 0) {
      onRelease.accept(chunk.segments[i]);
    } else {
      chunk.count++;
      size++;
    }
    chunk.offsets[i] = offset;
    chunk.segments[i] = segment;
    chunk.lengths[i] = frameBytes;
  }

  /** The entry for {@code position}, or null. */
  Location get(long position) {
    if (position < 0) {
      return null;
    }
    Chunk chunk = chunks.get(position >>> SHIFT);
    int i = (int) (position & MASK);
    if (chunk == null || chunk.lengths[i] == 0) {
      return null;
    }
    return new Location(chunk.segments[i], chunk.offsets[i], chunk.lengths[i]);
  }

  /** Removes every entry below {@code position}. */
  void removeBelow(long position) {
    if (position <= 0) {
      return;
    }
    long boundary = position >>> SHIFT;
    Iterator<Map.Entry<Long, Chunk>> below = chunks.headMap(boundary, false).entrySet().iterator();
    while (below.hasNext()) {
      clear(below.next().getValue(), CHUNK);
      below.remove();
    }
    Chunk partial = chunks.get(boundary);
    if (partial != null) {
      clear(partial, (int) (position & MASK));
      if (partial.count == 0) {
        chunks.remove(boundary);
      }
    }
  }

  private void clear(Chunk chunk, int upTo) {
    for (int i = 0; i < upTo && chunk.count > 0; i++) {
      if (chunk.lengths[i] != 0) {
        onRelease.accept(chunk.segments[i]);
        chunk.lengths[i] = 0;
        chunk.count--;
        size--;
      }
    }
  }

  OptionalLong first() {
    if (chunks.isEmpty()) {
      return OptionalLong.empty();
    }
    Map.Entry<Long, Chunk> entry = chunks.firstEntry();
    int[] lengths = entry.getValue().lengths;
    for (int i = 0; i < CHUNK; i++) {
      if (lengths[i] != 0) {
        return OptionalLong.of((entry.getKey() << SHIFT) + i);
      }
    }
    throw new IllegalStateException("empty chunk kept at " + entry.getKey());
  }

  OptionalLong last() {
    if (chunks.isEmpty()) {
      return OptionalLong.empty();
    }
    Map.Entry<Long, Chunk> entry = chunks.lastEntry();
    int[] lengths = entry.getValue().lengths;
    for (int i = CHUNK - 1; i >= 0; i--) {
      if (lengths[i] != 0) {
        return OptionalLong.of((entry.getKey() << SHIFT) + i);
      }
    }
    throw new IllegalStateException("empty chunk kept at " + entry.getKey());
  }
}
