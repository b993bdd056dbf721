package io.aurora.scheduling.mesos.recordio;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a RecordIO byte stream into records. Bytes arrive in chunks whose boundaries are unrelated
 * to record boundaries (HTTP chunking, proxies, TCP), so the decoder keeps partial headers and
 * partial records between calls to {@link #decode}.
 *
 * <p>A header is a non-empty run of ASCII digits terminated by {@code \n}; its value is the record
 * length, which must be between 1 and the configured maximum. Anything else is rejected with a
 * {@link RecordIoException}, after which the decoder refuses further input (a byte stream has no
 * way to find the next record once framing is lost). Not thread-safe.
 */
public final class RecordIoDecoder {
  /** Longer headers cannot be a valid uint64 length; rejecting them bounds buffering. */
  private static final int MAX_HEADER_DIGITS = 20;

  private final int maxRecordBytes;
  private long length = -1;          // -1 while reading a header
  private int headerDigits;
  private long headerValue;
  private byte[] record;
  private int filled;
  private boolean failed;

  /** A decoder accepting records of at most {@code maxRecordBytes} bytes. */
  public RecordIoDecoder(int maxRecordBytes) {
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
    }
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Feeds a whole array. */
  public List<byte[]> decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Feeds {@code len} bytes and returns every record they complete, in order.
   *
   * @throws RecordIoException on a malformed header or a length out of range
   */
  public List<byte[]> decode(byte[] bytes, int off, int len) {
    if (failed) {
      throw new RecordIoException("decoder already failed on earlier input");
    }
    List<byte[]> out = new ArrayList<>();
    int pos = off;
    int end = off + len;
    try {
      while (pos < end) {
        if (length < 0) {
          pos = readHeader(bytes, pos, end);
        } else {
          int n = (int) Math.min(length - filled, end - pos);
          System.arraycopy(bytes, pos, record, filled, n);
          filled += n;
          pos += n;
          if (filled == length) {
            out.add(record);
            record = null;
            length = -1;
          }
        }
      }
    } catch (RecordIoException e) {
      failed = true;
      throw e;
    }
    return out;
  }

  /** True if no partial header or record is buffered: the stream may end cleanly here. */
  public boolean atRecordBoundary() {
    return length < 0 && headerDigits == 0;
  }

  private int readHeader(byte[] bytes, int pos, int end) {
    while (pos < end) {
      byte b = bytes[pos++];
      if (b == '\n') {
        if (headerDigits == 0) {
          throw new RecordIoException("empty RecordIO length header");
        }
        if (headerValue == 0 || headerValue > maxRecordBytes) {
          throw new RecordIoException("RecordIO length " + headerValue
              + " outside 1.." + maxRecordBytes);
        }
        length = headerValue;
        record = new byte[(int) length];
        filled = 0;
        headerDigits = 0;
        headerValue = 0;
        return pos;
      }
      if (b < '0' || b > '9') {
        throw new RecordIoException("unexpected byte 0x" + Integer.toHexString(b & 0xff)
            + " in RecordIO length header");
      }
      if (++headerDigits > MAX_HEADER_DIGITS) {
        throw new RecordIoException("RecordIO length header longer than " + MAX_HEADER_DIGITS
            + " digits");
      }
      // Saturate instead of overflowing; anything this large fails the range check anyway.
      headerValue = headerValue > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : headerValue * 10 + (b - '0');
    }
    return pos;
  }
}
