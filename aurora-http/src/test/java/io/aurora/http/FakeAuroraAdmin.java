package io.aurora.http;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ResponseDetail;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An {@code AuroraAdmin.Iface} whose every method records its name and returns a Response with
 * responseCode OK (a dynamic proxy, as the interface has dozens of methods). A method named in
 * {@link #failOn} throws instead, to test service failures.
 */
public final class FakeAuroraAdmin {
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public final List<String> threads = new CopyOnWriteArrayList<>();
  public volatile String failOn = "";
  /** When set, each call signals {@link #entered} and waits (at most 10 s) for the gate to open. */
  public volatile CountDownLatch gate;
  public final Semaphore entered = new Semaphore(0);

  public AuroraAdmin.Iface iface() {
    return (AuroraAdmin.Iface)
        Proxy.newProxyInstance(
            AuroraAdmin.Iface.class.getClassLoader(),
            new Class<?>[] {AuroraAdmin.Iface.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                  case "hashCode": return System.identityHashCode(proxy);
                  case "equals": return proxy == args[0];
                  default: return "FakeAuroraAdmin";
                }
              }
              calls.add(method.getName());
              threads.add(Thread.currentThread().getName());
              CountDownLatch g = gate;
              if (g != null) {
                entered.release();
                g.await(10, TimeUnit.SECONDS);
              }
              if (method.getName().equals(failOn)) {
                throw new IllegalStateException("boom in " + method.getName());
              }
              return ok(method.getName());
            });
  }

  public static Response ok(String detail) {
    return new Response()
        .setResponseCode(ResponseCode.OK)
        .setDetails(List.of(new ResponseDetail().setMessage(detail)));
  }
}
