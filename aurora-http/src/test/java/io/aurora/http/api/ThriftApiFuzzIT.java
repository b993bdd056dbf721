package io.aurora.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobKey;
import io.aurora.gen.TaskQuery;
import io.aurora.http.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz of {@code /api} in both protocols: truncated, oversized, mutated, wrongly typed
 * and random bodies under both content types. Every answer must be a 2xx/4xx or a 5xx with a
 * message, never a stack trace, and {@code /health} must still be OK afterwards.
 *
 * <p>{@code -Daurora.fuzz.cases=N} (default 2,000, as CI runs it) runs more cases; {@code -Daurora.fuzz.seed=S}
 * (fixed default, so CI is repeatable) explores or replays another run. A failure names its seed
 * and case.
 */
class ThriftApiFuzzIT {
  private static final int LIMIT = 64 * 1024;
  private static final String[] METHODS = {
    "getRoleSummary", "getJobs", "getTasksStatus", "getQuota", "killTasks", "createJob", "noSuchCall"
  };

  @Test
  void fuzzedRequests_neverHarmTheServer() throws Exception {
    int cases = Integer.getInteger("aurora.fuzz.cases", 2_000);
    long seed = Long.getLong("aurora.fuzz.seed", 20261125L);
    Random random = new Random(seed);
    try (TestServer t = new TestServer()) {
      for (int i = 0; i < cases; i++) {
        FuzzCase c = FuzzCase.generate(random);
        ThriftProtocols protocol = c.protocol;
        String kind = c.kind;
        byte[] body = c.body;
        String contentType = c.contentType;
        String accept = c.accept;
        String request = "seed " + seed + " case " + i + " (" + kind + ", " + protocol + " as "
            + contentType + ", " + body.length + " bytes)";
        HttpResponse<byte[]> r;
        try {
          r = t.client.send(
              HttpRequest.newBuilder(t.uri("/api")).timeout(Duration.ofSeconds(20))
                  .header("Content-Type", contentType).header("Accept", accept)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
          throw new AssertionError(request + ": " + e, e);
        }
        String text = new String(r.body(), StandardCharsets.UTF_8);
        String where = request + ": " + r.statusCode() + " " + text;
        assertThat(r.statusCode()).as(where).isIn(200, 400, 413);
        if (r.statusCode() != 200) {
          assertThat(text).as(where).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception:");
        }
      }
      assertThat(t.get("/health").body()).isEqualTo("OK\n");
      assertThat(t.get("/vars").body()).doesNotContain("http_500_responses");
    }
  }

  private static final String[] KINDS = {"valid", "truncated", "mutated", "oversized", "wrongTypes", "random"};

  /** One generated request; {@link #generate} consumes the random stream in a fixed order. */
  static final class FuzzCase {
    final String kind;
    final ThriftProtocols protocol;
    final byte[] body;
    final String contentType;
    final String accept;

    private FuzzCase(String kind, ThriftProtocols protocol, byte[] body, String contentType, String accept) {
      this.kind = kind;
      this.protocol = protocol;
      this.body = body;
      this.contentType = contentType;
      this.accept = accept;
    }

    static FuzzCase generate(Random random) throws TException {
      ThriftProtocols protocol = random.nextBoolean() ? ThriftProtocols.BINARY : ThriftProtocols.JSON;
      String kind = KINDS[random.nextInt(KINDS.length)];
      byte[] body = body(kind, protocol, random);
      String contentType = random.nextInt(10) == 0
          ? (protocol == ThriftProtocols.BINARY ? "application/json" : "application/vnd.apache.thrift.binary")
          : protocol.mediaType();
      String accept = random.nextBoolean() ? ThriftProtocols.BINARY.mediaType() : "*/*";
      return new FuzzCase(kind, protocol, body, contentType, accept);
    }
  }

  private static byte[] body(String kind, ThriftProtocols protocol, Random random) throws TException {
    switch (kind) {
      case "valid":
        return valid(protocol, random);
      case "truncated": {
        byte[] full = valid(protocol, random);
        return Arrays.copyOf(full, random.nextInt(full.length));
      }
      case "mutated": {
        byte[] b = valid(protocol, random);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
      }
      case "oversized":
        return new byte[LIMIT + 1 + random.nextInt(LIMIT)];
      case "wrongTypes":
        return wrongTypes(protocol, random);
      default: {
        byte[] b = new byte[random.nextInt(512)];
        random.nextBytes(b);
        return b;
      }
    }
  }

  private static byte[] valid(ThriftProtocols protocol, Random random) throws TException {
    if (random.nextBoolean()) {
      return ThriftMessages.getRoleSummary(protocol);
    }
    TaskQuery query = new TaskQuery()
        .setRole("role" + random.nextInt(100))
        .setJobKeys(Set.of(new JobKey("www", "prod", "job" + random.nextInt(10))))
        .setInstanceIds(Set.of(random.nextInt(5)));
    return ThriftMessages.getTasksStatus(protocol, query);
  }

  /** A call of a real or unknown method whose argument fields carry random ids and types. */
  private static byte[] wrongTypes(ThriftProtocols protocol, Random random) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(128);
    TProtocol out = protocol.factory().getProtocol(buffer);
    byte messageType = random.nextInt(8) == 0 ? TMessageType.REPLY : TMessageType.CALL;
    out.writeMessageBegin(new TMessage(METHODS[random.nextInt(METHODS.length)], messageType, random.nextInt()));
    writeStruct(out, random, 0);
    out.writeMessageEnd();
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  private static void writeStruct(TProtocol out, Random random, int depth) throws TException {
    out.writeStructBegin(new TStruct("args"));
    for (int f = random.nextInt(4); f > 0; f--) {
      byte type = TYPES[random.nextInt(TYPES.length)];
      out.writeFieldBegin(new TField("f", type, (short) (1 + random.nextInt(6))));
      writeValue(out, type, random, depth);
      out.writeFieldEnd();
    }
    out.writeFieldStop();
    out.writeStructEnd();
  }

  private static final byte[] TYPES = {
    TType.BOOL, TType.BYTE, TType.I16, TType.I32, TType.I64, TType.DOUBLE, TType.STRING, TType.LIST, TType.STRUCT
  };

  private static void writeValue(TProtocol out, byte type, Random random, int depth) throws TException {
    switch (type) {
      case TType.BOOL: out.writeBool(random.nextBoolean()); break;
      case TType.BYTE: out.writeByte((byte) random.nextInt()); break;
      case TType.I16: out.writeI16((short) random.nextInt()); break;
      case TType.I32: out.writeI32(random.nextInt()); break;
      case TType.I64: out.writeI64(random.nextLong()); break;
      case TType.DOUBLE: out.writeDouble(random.nextDouble()); break;
      case TType.STRING: out.writeString("s" + random.nextInt()); break;
      case TType.LIST: {
        int n = random.nextInt(3);
        out.writeListBegin(new TList(TType.I32, n));
        for (int i = 0; i < n; i++) {
          out.writeI32(random.nextInt());
        }
        out.writeListEnd();
        break;
      }
      default:
        if (depth < 3) {
          writeStruct(out, random, depth + 1);
        } else {
          out.writeStructBegin(new TStruct("leaf"));
          out.writeFieldStop();
          out.writeStructEnd();
        }
    }
  }
}
