package io.aurora.storage.durable;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An output stream that keeps what is written in arrays of a fixed size rather than one growing
 * array: a large encoding then never needs a single huge allocation (which the JVM would place in
 * the old generation at once) nor the copies of a doubling buffer, and the arrays are the frame
 * chunks as they will be appended.
 */
final class ChunkedBytes extends OutputStream {
  private final int chunkSize;
  private final List<byte[]> full = new ArrayList<>();
  private byte[] current;
  private int used;
  private long size;

  ChunkedBytes(int chunkSize) {
    this.chunkSize = chunkSize;
    this.current = new byte[chunkSize];
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    while (length > 0) {
      if (used == chunkSize) {
        full.add(current);
        current = new byte[chunkSize];
        used = 0;
      }
      int n = Math.min(length, chunkSize - used);
      System.arraycopy(bytes, offset, current, used, n);
      used += n;
      offset += n;
      length -= n;
      size += n;
    }
  }

  /** Bytes written so far. */
  long size() {
    return size;
  }

  /** The bytes written, in arrays of the chunk size (the last one possibly shorter). */
  List<byte[]> chunks() {
    List<byte[]> chunks = new ArrayList<>(full);
    if (used > 0) {
      chunks.add(used == chunkSize ? current : Arrays.copyOf(current, used));
    }
    return chunks;
  }

  /** Writes everything written to this stream to {@code out}. */
  void writeTo(OutputStream out) throws java.io.IOException {
    for (byte[] chunk : full) {
      out.write(chunk);
    }
    out.write(current, 0, used);
  }
}
