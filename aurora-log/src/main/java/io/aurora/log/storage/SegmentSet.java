package io.aurora.log.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment files of one {@link FileLogStorage} directory, oldest first, the newest being the
 * active one that appends go to: recovered on open, rolled when full, and deleted once dead. Not
 * thread-safe: the storage's lock guards it.
 */
final class SegmentSet {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentSet.class);

  /** Gets every valid frame of the segments in file order, with the segment it is in. */
  interface FrameVisitor {
    void frame(Segment segment, FrameType type, long offset, int frameBytes, long position,
        byte[] metadata);
  }

  private final Path dir;
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private Segment active;

  SegmentSet(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens the segments in {@code dir}, creating the first if there is none. A torn tail of the
   * last segment is cut off (and the cut forced); a damaged frame anywhere else is an error. A
   * segment is in the set before the visitor sees its frames; {@link #active()} is null until
   * this returns.
   *
   * @throws CorruptLogException if a frame before the last one is damaged
   */
  void recover(int maxRecordBytes, FrameVisitor visitor) throws IOException {
    long[] ids;
    try (Stream<Path> files = Files.list(dir)) {
      ids = files.mapToLong(p -> Segment.idOf(p.getFileName().toString()))
          .filter(id -> id >= 0).sorted().toArray();
    }
    SegmentScanner scanner = new SegmentScanner(maxRecordBytes);
    try {
      for (int i = 0; i < ids.length; i++) {
        Path path = Segment.pathOf(dir, ids[i]);
        boolean last = i == ids.length - 1;
        // Scan first, then open: the visitor needs the Segment the frames belong to.
        Segment[] holder = new Segment[1];
        List<Runnable> applied = new ArrayList<>();
        long validEnd = scanner.scan(path, last, (type, offset, frameBytes, position, meta) ->
            applied.add(() -> visitor.frame(holder[0], type, offset, frameBytes, position, meta)));
        long size = Files.size(path);
        if (validEnd < size) {
          LOG.warn("Dropping torn tail of {}: {} bytes from offset {}", path, size - validEnd,
              validEnd);
          try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(validEnd);
            channel.force(true);
          }
        }
        holder[0] = Segment.open(path, ids[i], validEnd);
        segments.put(ids[i], holder[0]);
        applied.forEach(Runnable::run);
      }
      if (segments.isEmpty()) {
        segments.put(1L, Segment.create(dir, 1));
        Segment.syncDirectory(dir);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    active = segments.lastEntry().getValue();
  }

  /** The newest segment, which appends go to. */
  Segment active() {
    return active;
  }

  Segment get(long id) {
    return segments.get(id);
  }

  int count() {
    return segments.size();
  }

  /**
   * Forces the full active segment and starts the next one (forcing the directory after the
   * create), so that only the last segment can ever have a torn tail.
   *
   * @return the segment that was active
   */
  Segment roll() throws IOException {
    active.force();
    Segment next = Segment.create(dir, active.id + 1);
    Segment.syncDirectory(dir);
    segments.put(next.id, next);
    Segment previous = active;
    active = next;
    return previous;
  }

  /** The segments other than the active one that no live record points into. */
  List<Segment> dead() {
    List<Segment> dead = new ArrayList<>();
    for (Segment segment : segments.values()) {
      if (segment != active && segment.liveRecords == 0) {
        dead.add(segment);
      }
    }
    return dead;
  }

  /** Deletes {@code dead} segments (skipping any deleted already) and forces the directory. */
  void delete(List<Segment> dead) throws IOException {
    for (Segment segment : dead) {
      if (segments.get(segment.id) != segment) {
        continue; // a concurrent sync deleted it already
      }
      segment.close();
      Files.delete(segment.path);
      segments.remove(segment.id);
    }
    if (!dead.isEmpty()) {
      Segment.syncDirectory(dir);
      LOG.debug("Deleted {} dead segments from {}", dead.size(), dir);
    }
  }

  void close() {
    for (Segment segment : segments.values()) {
      try {
        segment.close();
      } catch (IOException e) {
        LOG.warn("Cannot close {}", segment.path, e);
      }
    }
  }
}
