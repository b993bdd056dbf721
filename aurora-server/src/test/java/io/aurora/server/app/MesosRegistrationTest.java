package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.mesos.DriverListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MesosRegistrationTest {
  /** A default method left out of the wrapper would never reach the runtime (acceptFailed did). */
  @Test
  void tracking_passesEveryListenerMethodOn() throws Exception {
    List<String> calls = new ArrayList<>();
    DriverListener recording = (DriverListener) Proxy.newProxyInstance(
        DriverListener.class.getClassLoader(), new Class<?>[] {DriverListener.class},
        (proxy, method, args) -> {
          calls.add(method.getName());
          return null;
        });
    DriverListener tracked = new MesosRegistration(new SimpleMeterRegistry()).tracking(recording);
    for (Method m : DriverListener.class.getMethods()) {
      Object[] args = new Object[m.getParameterCount()];
      Class<?>[] types = m.getParameterTypes();
      for (int i = 0; i < args.length; i++) {
        args[i] = types[i] == String.class ? "x" : empty(types[i]);
      }
      m.invoke(tracked, args);
      assertThat(calls).as(m.getName()).endsWith(m.getName());
    }
  }

  private static Object empty(Class<?> type) {
    if (type == java.util.Optional.class) {
      return java.util.Optional.empty();
    }
    if (type == java.util.OptionalInt.class) {
      return java.util.OptionalInt.empty();
    }
    if (type == List.class) {
      return List.of();
    }
    return null;
  }
}
