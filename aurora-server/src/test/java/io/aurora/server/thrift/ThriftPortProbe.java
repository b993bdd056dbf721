package io.aurora.server.thrift;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/** Raw bytes to a Thrift TCP port, for the fuzz tests of the port alone and of the daemon. */
public final class ThriftPortProbe {
  private ThriftPortProbe() {}

  /** {@code payload} behind a 4-byte length prefix that says {@code declaredLength}. */
  public static byte[] frame(byte[] payload, int declaredLength) {
    return ByteBuffer.allocate(4 + payload.length).putInt(declaredLength).put(payload).array();
  }

  /**
   * Sends {@code input} on a fresh connection, half-closes it and reads until the port ends the
   * connection (answered, closed or reset); false if it is still open after {@code wait}.
   */
  public static boolean sendAndAwaitEnd(int port, byte[] input, Duration wait) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout((int) wait.toMillis());
      OutputStream out = s.getOutputStream();
      try {
        out.write(input);
        out.flush();
        s.shutdownOutput();
      } catch (SocketException e) {
        return true; // the port already closed on us
      }
      InputStream in = s.getInputStream();
      byte[] sink = new byte[4096];
      try {
        while (in.read(sink) != -1) {
          // drain any reply
        }
        return true;
      } catch (SocketTimeoutException e) {
        return false;
      } catch (SocketException e) {
        return true; // reset
      }
    }
  }
}
