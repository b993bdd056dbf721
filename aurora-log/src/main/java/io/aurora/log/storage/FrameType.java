package io.aurora.log.storage;

/** What a frame in a segment file holds; the code is the byte written to disk. */
enum FrameType {
  /** A record: an 8-byte position followed by the record's bytes. */
  PUT(1),
  /** The metadata record's bytes; the last one in the log wins. */
  METADATA(2),
  /** An 8-byte truncation point: positions below it are gone. */
  TRUNCATE(3);

  final byte code;

  FrameType(int code) {
    this.code = (byte) code;
  }

  /** The type with this code, or null if the byte is not a known type (a damaged frame). */
  static FrameType fromCode(byte code) {
    for (FrameType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return null;
  }
}
