package io.aurora.log.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LogStorage} in append-only segment files.
 *
 * <h2>Layout</h2>
 *
 * <p>The directory holds numbered segment files ({@code 00000000000000000001.seg}, ...) and a
 * {@code LOCK} file that keeps a second process out. Every change is appended to the newest segment
 * as a frame (see {@link SegmentFrames}: length, CRC32C, type, body): a PUT carries a position and a record,
 * METADATA the metadata bytes, TRUNCATE a truncation point. Nothing is ever rewritten in place, so
 * the state is a fold over the frames in file order: the last PUT of a position and the last
 * METADATA win, and a TRUNCATE drops every earlier PUT below it. What survives a crash is therefore
 * always a prefix of the writes, which is the ordering {@link LogStorage} promises.
 *
 * <p>Values stay on disk. The heap holds an index from position to (segment, offset, length) of
 * about 16 bytes per position ({@link PositionIndex}), the metadata, and the unsynced tail of the
 * newest segment (which {@link #get} serves from memory).
 *
 * <h2>Durability</h2>
 *
 * <p>{@link #sync()} writes the buffered tail and forces it with {@code FileChannel.force}. When a
 * segment reaches {@link Options#segmentBytes()} it is forced before the next one is created (and
 * the directory is forced after the create), so only the last segment can ever have a torn tail.
 * {@link SegmentScanner} says how recovery tells a torn tail from corruption.
 *
 * <h2>Reclaiming space</h2>
 *
 * <p>A segment is dead once none of its PUT frames is still the current record of a live position
 * (each is truncated or overwritten by a later frame). Dead segments other than the newest are
 * deleted at the next {@code sync()}, after the frames that killed them are forced, followed by a
 * directory fsync. If a dead segment holds the latest METADATA or TRUNCATE frame, that frame is first
 * appended again to the newest segment, so deleting it forgets nothing. Live records are never copied
 * forward: log positions are written roughly in order, so truncation kills the oldest segments whole,
 * and a segment kept alive by a straggler record holds data that is still needed. The cost is that a
 * single old live record can pin one segment until truncation passes it.
 */
public final class FileLogStorage implements LogStorage {
  private static final Logger LOG = LoggerFactory.getLogger(FileLogStorage.class);

  /**
   * Tuning for {@link FileLogStorage}.
   *
   * @param segmentBytes a segment is closed and a new one started once it reaches this size
   * @param maxRecordBytes the largest record (or metadata) accepted; a frame that claims more is
   *     damaged
   */
  public record Options(long segmentBytes, int maxRecordBytes) {
    public Options {
      checkArgument(segmentBytes >= 4096, "segmentBytes %s < 4096", segmentBytes);
      checkArgument(maxRecordBytes > 0, "maxRecordBytes %s <= 0", maxRecordBytes);
    }

    /** 64 MiB segments, records up to 64 MiB. */
    public static Options defaults() {
      return new Options(64L << 20, 64 << 20);
    }

    public Options withSegmentBytes(long bytes) {
      return new Options(bytes, maxRecordBytes);
    }
  }

  private final Path dir;
  private final Options options;
  private final DirectoryLock lock;
  private final SegmentSet segments;
  private final PositionIndex index = new PositionIndex(this::release);
  private byte[] metadata;
  private Segment metadataSegment;
  private long truncationPoint;
  private Segment truncateSegment;
  private boolean reclaimPending;
  private boolean failed;
  private boolean closed;

  private FileLogStorage(Path dir, Options options, DirectoryLock lock) {
    this.dir = dir;
    this.options = options;
    this.lock = lock;
    this.segments = new SegmentSet(dir);
  }

  /** Opens (creating if needed) the storage in {@code dir} with default options. */
  public static FileLogStorage open(Path dir) {
    return open(dir, Options.defaults());
  }

  /**
   * Opens (creating if needed) the storage in {@code dir}, recovering from a torn last record.
   *
   * @throws CorruptLogException if a record before the last one is damaged
   * @throws LogStorageException if the directory cannot be read or written, or another process has
   *     it open
   */
  public static FileLogStorage open(Path dir, Options options) {
    DirectoryLock lock = null;
    try {
      lock = DirectoryLock.acquire(dir);
      FileLogStorage storage = new FileLogStorage(dir, options, lock);
      storage.segments.recover(options.maxRecordBytes(), storage::apply);
      storage.reclaimPending = true;
      return storage;
    } catch (IOException e) {
      if (lock != null) {
        lock.close();
      }
      throw new LogStorageException("cannot open log directory " + dir, e);
    } catch (RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      throw e;
    }
  }

  private void apply(Segment segment, FrameType type, long offset, int frameBytes, long position,
      byte[] meta) {
    switch (type) {
      case PUT -> {
        if (position >= truncationPoint) {
          index(position, segment, offset, frameBytes);
        }
      }
      case METADATA -> {
        metadata = meta;
        metadataSegment = segment;
      }
      case TRUNCATE -> {
        dropBelow(position);
        if (position >= truncationPoint) {
          truncationPoint = position;
          truncateSegment = segment;
        }
      }
    }
  }

  private void index(long position, Segment segment, long offset, int frameBytes) {
    segment.liveRecords++;
    index.put(position, Math.toIntExact(segment.id), offset, frameBytes);
  }

  /** An index entry pointing into segment {@code id} was replaced or removed. */
  private void release(int id) {
    Segment segment = segments.get(id);
    if (--segment.liveRecords == 0 && segment != segments.active()) {
      reclaimPending = true;
    }
  }

  private void dropBelow(long position) {
    index.removeBelow(position);
  }

  @Override
  public synchronized Optional<byte[]> metadata() {
    checkUsable();
    return Optional.ofNullable(metadata).map(byte[]::clone);
  }

  @Override
  public synchronized void putMetadata(byte[] meta) {
    checkUsable();
    checkArgument(meta.length <= options.maxRecordBytes(), "metadata of %s bytes exceeds %s",
        meta.length, options.maxRecordBytes());
    appendFrame(FrameType.METADATA, -1, meta);
    metadata = meta.clone();
    metadataSegment = segments.active();
  }

  @Override
  public synchronized void put(long position, byte[] record) {
    checkUsable();
    checkArgument(position >= 0, "negative position %s", position);
    checkArgument(record.length <= options.maxRecordBytes(), "record of %s bytes exceeds %s",
        record.length, options.maxRecordBytes());
    if (position < truncationPoint) {
      return;
    }
    long offset = appendFrame(FrameType.PUT, position, record);
    index(position, segments.active(), offset, SegmentFrames.frameBytes(FrameType.PUT, record.length));
  }

  @Override
  public synchronized void truncateBefore(long position) {
    checkUsable();
    if (position <= truncationPoint) {
      return;
    }
    appendFrame(FrameType.TRUNCATE, position, null);
    truncationPoint = position;
    truncateSegment = segments.active();
    dropBelow(position);
  }

  /** Appends a frame to the newest segment, rolling to a new one first if it is full. */
  private long appendFrame(FrameType type, long position, byte[] data) {
    int frameBytes = SegmentFrames.frameBytes(type, data == null ? 0 : data.length);
    Segment active = segments.active();
    try {
      if (active.size() > 0 && active.size() + frameBytes > options.segmentBytes()) {
        if (segments.roll().liveRecords == 0) {
          reclaimPending = true;
        }
        active = segments.active();
      }
      return active.append(type, position, data);
    } catch (IOException e) {
      throw fail("cannot append to " + active.path, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The fsync itself runs without holding the storage's lock, so another thread can keep putting
   * (and reading) while it runs; those later writes wait for the next sync.
   */
  @Override
  public void sync() {
    Segment toForce;
    List<Segment> dead;
    synchronized (this) {
      checkUsable();
      dead = reclaimPending ? segments.dead() : List.of();
      reclaimPending = false;
      for (Segment segment : dead) {
        // Carry the latest metadata and truncation point out of a segment about to be deleted.
        if (segment == metadataSegment) {
          appendFrame(FrameType.METADATA, -1, metadata);
          metadataSegment = segments.active();
        }
        if (segment == truncateSegment) {
          appendFrame(FrameType.TRUNCATE, truncationPoint, null);
          truncateSegment = segments.active();
        }
      }
      toForce = segments.active();
      try {
        toForce.flush();
      } catch (IOException e) {
        throw fail("cannot write " + toForce.path, e);
      }
    }
    try {
      // Segments before toForce were forced when they were rolled.
      toForce.forceWritten();
    } catch (IOException e) {
      synchronized (this) {
        throw fail("fsync failed in " + dir, e);
      }
    }
    if (!dead.isEmpty()) {
      synchronized (this) {
        try {
          checkUsable();
          segments.delete(dead);
        } catch (IOException e) {
          throw fail("cannot delete dead segments in " + dir, e);
        }
      }
    }
  }

  private LogStorageException fail(String message, IOException cause) {
    failed = true;
    return new LogStorageException(message, cause);
  }

  @Override
  public synchronized Optional<byte[]> get(long position) {
    checkUsable();
    PositionIndex.Location location = index.get(position);
    if (location == null) {
      return Optional.empty();
    }
    Segment segment = segments.get(location.segment());
    byte[] frame;
    try {
      frame = segment.read(location.offset(), location.frameBytes());
    } catch (IOException e) {
      throw new LogStorageException("cannot read position " + position + " from " + segment.path,
          e);
    }
    int bodyLength = frame.length - SegmentFrames.HEADER_BYTES;
    if (SegmentFrames.getInt(frame, 0) != bodyLength
        || SegmentFrames.getInt(frame, 4) != SegmentFrames.checksum(frame, 0, bodyLength)
        || frame[8] != FrameType.PUT.code
        || SegmentFrames.getLong(frame, SegmentFrames.HEADER_BYTES) != position) {
      throw new CorruptLogException(segment.path, location.offset(),
          "record for position " + position + " is damaged");
    }
    return Optional.of(Arrays.copyOfRange(frame, SegmentFrames.HEADER_BYTES + SegmentFrames.POSITION_BYTES,
        frame.length));
  }

  @Override
  public synchronized OptionalLong firstPosition() {
    checkUsable();
    return index.first();
  }

  @Override
  public synchronized OptionalLong lastPosition() {
    checkUsable();
    return index.last();
  }

  @Override
  public synchronized long truncationPoint() {
    checkUsable();
    return truncationPoint;
  }

  /** The number of segment files, for tests of space reclamation. */
  synchronized int segmentCount() {
    return segments.count();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    segments.close();
    lock.close();
  }

  private void checkUsable() {
    checkState(!closed, "storage in %s is closed", dir);
    if (failed) {
      throw new LogStorageException("storage in " + dir + " failed earlier; close and reopen it");
    }
  }
}
