package io.aurora.log.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A disk for tests and simulations that remembers which writes were synced. {@link #open()} gives a
 * {@link LogStorage} over it; {@link #crash()} throws away every write since the last successful
 * sync, and {@link #crashKeeping(int)} keeps only the first few of them, as a crash that tore the
 * next record leaves a file (the torn record is dropped on recovery, and nothing after it survives).
 * {@link #failNextSync()} makes the next sync throw, after which the storage refuses all use until
 * the disk is reopened, like {@link FileLogStorage}.
 */
public final class FaultyDisk {
  private MemoryLogStorage durable = new MemoryLogStorage();
  private final List<Consumer<LogStorage>> unsynced = new ArrayList<>();
  private Storage current;
  private boolean failNextSync;
  private int syncs;

  /** Opens the disk's content as it survived so far; the previously opened storage stops working. */
  public LogStorage open() {
    if (current != null) {
      current.closed = true;
    }
    unsynced.clear();
    current = new Storage(durable.copy());
    return current;
  }

  /** Makes the next {@code sync()} fail without making anything durable. */
  public void failNextSync() {
    failNextSync = true;
  }

  /** Loses every write made since the last successful sync; the open storage stops working. */
  public void crash() {
    crashKeeping(0);
  }

  /**
   * Keeps the first {@code survivors} unsynced writes, in order, and loses the rest, as a crash in the
   * middle of writing them out would; the open storage stops working.
   */
  public void crashKeeping(int survivors) {
    checkArgument(survivors >= 0 && survivors <= unsynced.size(), "survivors %s of %s", survivors,
        unsynced.size());
    unsynced.subList(0, survivors).forEach(write -> write.accept(durable));
    unsynced.clear();
    if (current != null) {
      current.closed = true;
      current = null;
    }
  }

  /**
   * Crashes while the last unsynced write was reaching the disk: every earlier unsynced write made
   * it, the last one was torn and is dropped on recovery, as {@link FileLogStorage} drops a torn tail.
   */
  public void crashTearingLastWrite() {
    crashKeeping(Math.max(0, unsynced.size() - 1));
  }

  /** Writes made through the open storage since its last successful sync. */
  public int unsyncedWrites() {
    return unsynced.size();
  }

  /** Successful syncs so far. */
  public int syncs() {
    return syncs;
  }

  private final class Storage implements LogStorage {
    private final MemoryLogStorage view;
    private boolean closed;
    private boolean failed;

    Storage(MemoryLogStorage view) {
      this.view = view;
    }

    private void write(Consumer<LogStorage> write) {
      check();
      write.accept(view);
      unsynced.add(write);
    }

    private void check() {
      checkState(!closed, "storage is closed");
      if (failed) {
        throw new LogStorageException("storage failed earlier; reopen it");
      }
    }

    @Override
    public Optional<byte[]> metadata() {
      check();
      return view.metadata();
    }

    @Override
    public void putMetadata(byte[] meta) {
      byte[] copy = meta.clone();
      write(s -> s.putMetadata(copy));
    }

    @Override
    public void put(long position, byte[] record) {
      checkArgument(position >= 0, "negative position %s", position);
      byte[] copy = record.clone();
      write(s -> s.put(position, copy));
    }

    @Override
    public void sync() {
      check();
      if (failNextSync) {
        failNextSync = false;
        failed = true;
        throw new LogStorageException("injected fsync failure");
      }
      unsynced.forEach(write -> write.accept(durable));
      unsynced.clear();
      syncs++;
    }

    @Override
    public Optional<byte[]> get(long position) {
      check();
      return view.get(position);
    }

    @Override
    public OptionalLong firstPosition() {
      check();
      return view.firstPosition();
    }

    @Override
    public OptionalLong lastPosition() {
      check();
      return view.lastPosition();
    }

    @Override
    public void truncateBefore(long position) {
      write(s -> s.truncateBefore(position));
    }

    @Override
    public long truncationPoint() {
      check();
      return view.truncationPoint();
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
