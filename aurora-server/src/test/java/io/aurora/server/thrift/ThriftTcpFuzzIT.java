package io.aurora.server.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.TaskQuery;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.net.InetSocketAddress;
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
        assertThat(ThriftPortProbe.sendAndAwaitEnd(server.port(), input, Duration.ofSeconds(5)))
            .as(where).isTrue();
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
          return ThriftPortProbe.frame(junk, junk.length);
        }
      case 1:
        { // a real call with flipped bytes
          byte[] flipped = call.clone();
          for (int n = 1 + random.nextInt(4); n > 0; n--) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
          }
          return ThriftPortProbe.frame(flipped, flipped.length);
        }
      case 2: // a real call cut short, the prefix promising all of it
        return ThriftPortProbe.frame(Arrays.copyOf(call, random.nextInt(call.length)), call.length);
      case 3: // a length prefix that lies (possibly huge or negative)
        return ThriftPortProbe.frame(call, random.nextInt());
      default:
        { // pure random bytes, no framing at all
          byte[] junk = new byte[1 + random.nextInt(64)];
          random.nextBytes(junk);
          return junk;
        }
    }
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
