package io.aurora.server.app;

import io.aurora.api.JobKeys;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.AuroraSchedulerManager;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * Thrift calls for the daemon fuzz: well-formed calls of every {@link AuroraAdmin} method with
 * absurd arguments ({@link RandomThrift}), valid jobs with one field broken, and the damaged
 * forms of such calls (truncated, bytes changed, one method's arguments under another's name).
 * Also reads a reply back into a short outcome ({@code OK}, {@code INVALID_REQUEST}, ...).
 */
final class FuzzCalls {
  /** Every method of the service, sorted so that a seed picks the same ones everywhere. */
  static final List<Method> METHODS = Arrays.stream(AuroraAdmin.Iface.class.getMethods())
      .sorted(Comparator.comparing(Method::getName)).collect(Collectors.toList());

  private final Random random;
  private final RandomThrift values;

  FuzzCalls(Random random) {
    this.random = random;
    this.values = new RandomThrift(random);
  }

  /** A method, favouring the ones the issue names (job creation, queries, kills). */
  Method method() {
    String[] favoured = {"createJob", "getTasksWithoutConfigs", "killTasks", "getTasksStatus"};
    String name = random.nextInt(3) == 0 ? null : favoured[random.nextInt(favoured.length)];
    return name == null ? METHODS.get(random.nextInt(METHODS.size()))
        : METHODS.stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
  }

  /** Random, type-correct arguments for {@code method}. */
  TBase<?, ?> arguments(Method method) {
    TBase<?, ?> args = values.struct(argsClass(method), 0);
    if (method.getName().equals("createJob") && random.nextBoolean()) {
      // A valid job with one field broken gets past the first checks.
      JobConfiguration job = SchedulerScenario.job(
          JobKeys.from("fuzz", "prod", "j" + random.nextInt(1000)));
      ((AuroraSchedulerManager.createJob_args) args).setDescription(values.perturb(job));
    }
    return args;
  }

  /** The call {@code name(args)} as a Thrift message. */
  static byte[] encode(TProtocolFactory protocol, String name, TBase<?, ?> args, int seq)
      throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(256);
    TProtocol out = protocol.getProtocol(buffer);
    out.writeMessageBegin(new TMessage(name, TMessageType.CALL, seq));
    args.write(out);
    out.writeMessageEnd();
    out.getTransport().flush();
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  /** A well-formed call made bad in one of several ways; {@code kind} says which. */
  byte[] damage(String kind, TProtocolFactory protocol) throws TException {
    Method m = method();
    byte[] call = encodeOrEmpty(protocol, m.getName(), arguments(m));
    switch (kind) {
      case "truncated":
        return Arrays.copyOf(call, random.nextInt(Math.max(1, call.length)));
      case "mutated": {
        byte[] b = call.clone();
        for (int n = 1 + random.nextInt(4); n > 0 && b.length > 0; n--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
      }
      case "wrongTypes": { // one method's arguments under another's name
        Method other = METHODS.get(random.nextInt(METHODS.size()));
        return encodeOrEmpty(protocol, other.getName(), arguments(m));
      }
      default: {
        byte[] b = new byte[random.nextInt(1024)];
        random.nextBytes(b);
        return b;
      }
    }
  }

  /** A well-formed call of {@code m}, or an empty body where its arguments cannot be written. */
  byte[] encodeOrEmpty(TProtocolFactory protocol, String name, TBase<?, ?> args) {
    try {
      return encode(protocol, name, args, random.nextInt());
    } catch (TException | RuntimeException e) {
      return new byte[0]; // e.g. a required field left unset: the writer refuses
    }
  }

  /**
   * What a reply says: the response code and its first detail's message ({@code OK: }, {@code
   * INVALID_REQUEST: job key role '' must match ...}), {@code NO_RESPONSE} when the result is
   * empty, or {@code exception: ...} for a Thrift application exception.
   */
  static String outcome(TProtocolFactory protocol, Method method, byte[] reply) throws Exception {
    TProtocol in = protocol.getProtocol(new TMemoryInputTransport(reply));
    TMessage message = in.readMessageBegin();
    if (message.type == TMessageType.EXCEPTION) {
      TApplicationException e = TApplicationException.readFrom(in);
      return "exception: " + e.getMessage();
    }
    @SuppressWarnings("rawtypes")
    TBase result = resultClass(method).getDeclaredConstructor().newInstance();
    result.read(in);
    Response r = (Response) result.getFieldValue(result.fieldForId(0));
    if (r == null || r.getResponseCode() == null) {
      return "NO_RESPONSE";
    }
    String detail = r.getDetails() == null || r.getDetails().isEmpty() ? ""
        : String.valueOf(r.getDetails().get(0).getMessage());
    return r.getResponseCode().name() + ": " + detail;
  }

  @SuppressWarnings("unchecked")
  static Class<? extends TBase<?, ?>> argsClass(Method method) {
    return (Class<? extends TBase<?, ?>>) nested(method, "_args");
  }

  @SuppressWarnings("rawtypes")
  private static Class<? extends TBase> resultClass(Method method) {
    return nested(method, "_result").asSubclass(TBase.class);
  }

  private static Class<?> nested(Method method, String suffix) {
    Class<?> service = method.getDeclaringClass().getEnclosingClass();
    try {
      return Class.forName(service.getName() + "$" + method.getName() + suffix);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
