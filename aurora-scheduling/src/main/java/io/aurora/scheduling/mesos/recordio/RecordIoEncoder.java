package io.aurora.scheduling.mesos.recordio;

import java.nio.charset.StandardCharsets;

/** Frames records for a RecordIO stream. */
public final class RecordIoEncoder {
  private RecordIoEncoder() {}

  /** One record: the decimal length, a newline, then the bytes. */
  public static byte[] encode(byte[] record) {
    if (record.length == 0) {
      throw new IllegalArgumentException("RecordIO records are never empty");
    }
    byte[] header = (record.length + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[header.length + record.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(record, 0, out, header.length, record.length);
    return out;
  }
}
