package io.aurora.log.storage;

import java.util.zip.CRC32C;

/**
 * The on-disk format. A segment file is an 8-byte header ({@code "ARLS"}, format version) followed by
 * frames: {@code [int bodyLength][int crc32c][byte type][body]}, big-endian. The CRC
 * covers the length, the type and the body, so a damaged length is caught as well as damaged data.
 * A PUT body is {@code [long position][record]}; a TRUNCATE body is {@code [long position]}.
 */
final class SegmentFrames {
  /** Every segment file starts with {@code "ARLS"} and a format version (big-endian int). */
  static final int SEGMENT_HEADER_BYTES = 8;
  static final int SEGMENT_MAGIC = 0x41524c53; // "ARLS"
  static final int FORMAT_VERSION = 1;
  static final int HEADER_BYTES = 9;
  static final int POSITION_BYTES = 8;

  private SegmentFrames() {}

  static byte[] segmentHeader() {
    byte[] header = new byte[SEGMENT_HEADER_BYTES];
    putInt(header, 0, SEGMENT_MAGIC);
    putInt(header, 4, FORMAT_VERSION);
    return header;
  }

  /** The checksum of a frame whose header starts at {@code buf[start]}; the CRC field is skipped. */
  static int checksum(byte[] buf, int start, int bodyLength) {
    CRC32C crc = new CRC32C();
    crc.update(buf, start, 4);
    crc.update(buf, start + 8, 1 + bodyLength);
    return (int) crc.getValue();
  }

  /** Writes a complete frame at {@code buf[start]}; {@code buf} must have room for it. */
  static void write(byte[] buf, int start, FrameType type, long position, byte[] data) {
    boolean positioned = type != FrameType.METADATA;
    int bodyLength = (positioned ? POSITION_BYTES : 0) + (data == null ? 0 : data.length);
    putInt(buf, start, bodyLength);
    buf[start + 8] = type.code;
    int at = start + HEADER_BYTES;
    if (positioned) {
      putLong(buf, at, position);
      at += POSITION_BYTES;
    }
    if (data != null) {
      System.arraycopy(data, 0, buf, at, data.length);
    }
    putInt(buf, start + 4, checksum(buf, start, bodyLength));
  }

  /** The full size of a frame of {@code type} carrying {@code dataLength} bytes of data. */
  static int frameBytes(FrameType type, int dataLength) {
    return HEADER_BYTES + (type == FrameType.METADATA ? 0 : POSITION_BYTES) + dataLength;
  }

  static int getInt(byte[] buf, int at) {
    return ((buf[at] & 0xff) << 24) | ((buf[at + 1] & 0xff) << 16) | ((buf[at + 2] & 0xff) << 8)
        | (buf[at + 3] & 0xff);
  }

  static long getLong(byte[] buf, int at) {
    return ((long) getInt(buf, at) << 32) | (getInt(buf, at + 4) & 0xffffffffL);
  }

  static void putInt(byte[] buf, int at, int value) {
    buf[at] = (byte) (value >>> 24);
    buf[at + 1] = (byte) (value >>> 16);
    buf[at + 2] = (byte) (value >>> 8);
    buf[at + 3] = (byte) value;
  }

  static void putLong(byte[] buf, int at, long value) {
    putInt(buf, at, (int) (value >>> 32));
    putInt(buf, at + 4, (int) value);
  }
}
