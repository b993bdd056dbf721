package io.aurora.log.transport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;

/**
 * The wire format: every frame is {@code [int length][payload]}, big-endian. The first frame on a
 * connection is the hello: {@code [int HELLO_MAGIC][utf-8 "host:port"]}, the sender's advertised
 * listening address, so the receiver can name the sender no matter which ephemeral port it connects
 * from.
 */
final class Frames {
  static final int HELLO_MAGIC = 0x41524c31; // "ARL1"
  static final int MAX_HELLO_BYTES = 1024;

  private Frames() {}

  static void write(OutputStream out, byte[] payload) throws IOException {
    int n = payload.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(payload);
  }

  static byte[] hello(PeerAddress self) {
    byte[] address = self.toString().getBytes(UTF_8);
    byte[] hello = new byte[4 + address.length];
    hello[0] = (byte) (HELLO_MAGIC >>> 24);
    hello[1] = (byte) (HELLO_MAGIC >>> 16);
    hello[2] = (byte) (HELLO_MAGIC >>> 8);
    hello[3] = (byte) HELLO_MAGIC;
    System.arraycopy(address, 0, hello, 4, address.length);
    return hello;
  }

  /** The sender named by a hello frame; a ProtocolException if the frame is not a hello. */
  static PeerAddress parseHello(byte[] frame) throws ProtocolException {
    if (frame.length < 4 || readInt(frame) != HELLO_MAGIC) {
      throw new ProtocolException("connection did not start with a hello frame");
    }
    try {
      return PeerAddress.parse(new String(frame, 4, frame.length - 4, UTF_8));
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("bad address in hello frame: " + e.getMessage());
    }
  }

  /**
   * Reads one frame. Returns null on a clean end of stream between frames. A {@link
   * SocketTimeoutException} escapes only while waiting for a frame to begin (the connection is
   * idle, which is fine); a timeout or end of stream inside a frame is an {@link IOException}.
   */
  static byte[] read(InputStream in, int maxFrameBytes) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    try {
      int length = first << 24 | readByte(in) << 16 | readByte(in) << 8 | readByte(in);
      if (length < 0 || length > maxFrameBytes) {
        throw new ProtocolException(
            "frame of " + (length & 0xffffffffL) + " bytes exceeds the limit of " + maxFrameBytes);
      }
      byte[] payload = new byte[length];
      int done = 0;
      while (done < length) {
        int n = in.read(payload, done, length - done);
        if (n < 0) {
          throw new EOFException("connection closed inside a frame");
        }
        done += n;
      }
      return payload;
    } catch (SocketTimeoutException e) {
      throw new IOException("frame stalled: " + e.getMessage(), e);
    }
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed inside a frame header");
    }
    return b;
  }

  private static int readInt(byte[] b) {
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }
}
