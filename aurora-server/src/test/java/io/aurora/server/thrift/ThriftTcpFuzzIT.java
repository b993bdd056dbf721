package io.aurora.server.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.TaskQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.Test;

/**
 * Seeded bad input on the Thrift port: random frames, truncated and bit-flipped real calls, wrong
 * length prefixes. Every connection must end (answered or closed) and the server must still answer
 * a real call afterwards. {@code -Daurora.fuzz.cases=N} runs more; a failure names the seed and
 * case.
 */
class ThriftTcpFuzzIT {

  private static final int MAX_FRAME = 256 * 1024;
  private static final int CASES = Integer.getInteger("aurora.fuzz.cases", 2_000);
  private static final long SEED = Long.getLong("aurora.fuzz.seed", 20261125L);

  @Test
  void badInput_neverHangsOrKillsTheServer() throws Exception {
    try (ThriftTcpServer server =
        ThriftTcpServer.start(
            okService(),
            new ThriftTcpOptions(new InetSocketAddress("127.0.0.1", 0), MAX_FRAME, 1, 2))) {
      Random random = new Random(SEED);
      byte[][] calls = {validCall("www-data", false), validCall("role", true)};
      for (int i = 0; i < CASES; i++) {
        byte[] input = mutate(random, calls[random.nextInt(calls.length)]);
        String where = "seed " + SEED + " case " + i;
        assertThat(sendAndAwaitEnd(server.port(), input)).as(where).isTrue();
      }
      assertThat(server.isServing()).isTrue();
      assertThat(realCall(server.port()).getResponseCode()).isEqualTo(ResponseCode.OK);
    }
  }

  /** One of several kinds of damage, each with its length prefix as a client would send it. */
  private static byte[] mutate(Random random, byte[] call) {
    switch (random.nextInt(5)) {
      case 0:
        { // random payload under a correct length prefix
          byte[] junk = new byte[random.nextInt(2048)];
          random.nextBytes(junk);
          return framed(junk, junk.length);
        }
      case 1:
        { // a real call with flipped bytes
          byte[] flipped = call.clone();
          for (int n = 1 + random.nextInt(4); n > 0; n--) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
          }
          return framed(flipped, flipped.length);
        }
      case 2: // a real call cut short, the prefix promising all of it
        return framed(Arrays.copyOf(call, random.nextInt(call.length)), call.length);
      case 3: // a length prefix that lies (possibly huge or negative)
        return framed(call, random.nextInt());
      default:
        { // pure random bytes, no framing at all
          byte[] junk = new byte[1 + random.nextInt(64)];
          random.nextBytes(junk);
          return junk;
        }
    }
  }

  private static byte[] framed(byte[] payload, int declaredLength) {
    return ByteBuffer.allocate(4 + payload.length).putInt(declaredLength).put(payload).array();
  }

  private static byte[] validCall(String role, boolean withQuery) throws Exception {
    TMemoryBuffer buffer = new TMemoryBuffer(256);
    AuroraAdmin.Client client = new AuroraAdmin.Client(new TBinaryProtocol(buffer));
    if (withQuery) {
      client.send_getTasksWithoutConfigs(new TaskQuery().setRole(role).setStatuses(Set.of()));
    } else {
      client.send_getJobSummary(role);
    }
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  /** Sends, half-closes, and reads until the server ends the connection; false if it hangs. */
  private static boolean sendAndAwaitEnd(int port, byte[] input) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(input);
        out.flush();
        s.shutdownOutput();
      } catch (SocketException e) {
        return true; // the server already closed on us
      }
      InputStream in = s.getInputStream();
      byte[] sink = new byte[4096];
      try {
        while (in.read(sink) != -1) {
          // drain any response
        }
        return true;
      } catch (SocketTimeoutException e) {
        return false;
      } catch (SocketException e) {
        return true; // reset
      }
    }
  }

  private static Response realCall(int port) throws Exception {
    try (TTransport transport = new TFramedTransport(new TSocket("127.0.0.1", port, 5000))) {
      transport.open();
      return new AuroraAdmin.Client(new TBinaryProtocol(transport)).getJobSummary("after-fuzz");
    }
  }

  private static AuroraAdmin.Iface okService() {
    return (AuroraAdmin.Iface)
        Proxy.newProxyInstance(
            ThriftTcpFuzzIT.class.getClassLoader(),
            new Class<?>[] {AuroraAdmin.Iface.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "okService" : null;
              }
              return new Response().setResponseCode(ResponseCode.OK);
            });
  }
}
