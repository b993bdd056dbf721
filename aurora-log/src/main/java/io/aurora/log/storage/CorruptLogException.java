package io.aurora.log.storage;

import java.nio.file.Path;

/**
 * A record that is not the last one in the log failed its checksum or framing check. The replica must
 * not start on such a directory: skipping the record could forget a vote.
 */
public final class CorruptLogException extends LogStorageException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  public CorruptLogException(Path file, long offset, String reason) {
    super("corrupt log record in " + file + " at offset " + offset + ": " + reason);
    this.file = file;
    this.offset = offset;
  }

  /** The segment file that holds the bad record. */
  public Path file() {
    return file;
  }

  /** The byte offset of the bad record's frame within {@link #file()}. */
  public long offset() {
    return offset;
  }
}
