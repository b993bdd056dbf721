package io.aurora.server.client;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ResponseDetail;
import io.aurora.gen.Result;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.thrift.TException;

/**
 * A fake scheduler: a real {@link AuroraAdmin.Iface} (a proxy of the interface, so every method
 * has the generated signature) that records each call with its arguments and answers from a
 * script per method, in order. An unscripted call answers {@code ERROR "unscripted call: m"}, so
 * a test that forgot one fails on the exit status with that message on stderr.
 */
public final class ScriptedScheduler {
  /** One recorded call. */
  public record Call(String method, List<Object> args) {
    public Object arg(int index) {
      return args.get(index);
    }
  }

  private final Map<String, Deque<Object>> scripts = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final AuroraAdmin.Iface iface = (AuroraAdmin.Iface) Proxy.newProxyInstance(
      AuroraAdmin.Iface.class.getClassLoader(), new Class<?>[] {AuroraAdmin.Iface.class},
      (proxy, method, args) -> {
        if (method.getDeclaringClass() == Object.class) {
          return method.invoke(this, args);
        }
        calls.add(new Call(method.getName(), args == null ? List.of() : Arrays.asList(args)));
        Object next = scripts.getOrDefault(method.getName(), new ArrayDeque<>()).poll();
        if (next == null) {
          return response(ResponseCode.ERROR, null, "unscripted call: " + method.getName());
        }
        if (next instanceof TException e) {
          throw e;
        }
        return next;
      });

  /** Answers the next calls of {@code method} with {@code responses}, one each, in order. */
  public ScriptedScheduler answer(String method, Response... responses) {
    scripts.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(Arrays.asList(responses));
    return this;
  }

  /** Makes the next call of {@code method} throw {@code failure}. */
  public ScriptedScheduler fail(String method, TException failure) {
    scripts.computeIfAbsent(method, m -> new ArrayDeque<>()).add(failure);
    return this;
  }

  public AuroraAdmin.Iface iface() {
    return iface;
  }

  /** Every call so far, in order. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of {@code method} so far, in order. */
  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** An OK response carrying {@code result} (none if null). */
  public static Response ok(Result result) {
    return response(ResponseCode.OK, result);
  }

  /** A response with {@code code}, {@code result} (none if null) and detail messages. */
  public static Response response(ResponseCode code, Result result, String... messages) {
    Response r = new Response().setResponseCode(code).setDetails(new ArrayList<>());
    for (String m : messages) {
      r.addToDetails(new ResponseDetail(m));
    }
    if (result != null) {
      r.setResult(result);
    }
    return r;
  }
}
