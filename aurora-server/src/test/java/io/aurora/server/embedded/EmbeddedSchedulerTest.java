package io.aurora.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.scheduling.mesos.DriverListener;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSchedulerTest {
  @TempDir Path dir;

  @Test
  void partsBeforeStart_andAnUnusableDataDir_failWithAMessage_andCloseIsIdempotent()
      throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    EmbeddedScheduler scheduler = EmbeddedScheduler.builder(file, "127.0.0.1:1").build();
    assertThatThrownBy(scheduler::api).hasMessage("the embedded scheduler is not started");
    assertThatThrownBy(scheduler::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString());
    assertThat(scheduler.subscribed()).isCompletedExceptionally();
    assertThatThrownBy(() -> scheduler.subscribed().join())
        .isInstanceOf(CancellationException.class);
    scheduler.close();
    scheduler.close();
    assertThatThrownBy(scheduler::start).hasMessage("an embedded scheduler starts once");
  }

  @Test
  void subscribedSignal_passesEveryEventOn_andCompletesAtSubscription() throws Exception {
    List<String> calls = new ArrayList<>();
    DriverListener recording = (DriverListener) Proxy.newProxyInstance(
        DriverListener.class.getClassLoader(), new Class<?>[] {DriverListener.class},
        (proxy, method, args) -> {
          calls.add(method.getName());
          return null;
        });
    SubscribedSignal signal = new SubscribedSignal(recording);
    for (Method m : DriverListener.class.getMethods()) {
      Class<?>[] types = m.getParameterTypes();
      Object[] args = new Object[types.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = types[i] == Optional.class ? Optional.empty()
            : types[i] == OptionalInt.class ? OptionalInt.empty()
            : types[i] == List.class ? List.of()
            : types[i] == FrameworkID.class ? FrameworkID.newBuilder().setValue("fw").build()
            : null;
      }
      m.invoke(signal, args);
      assertThat(calls).as(m.getName()).endsWith(m.getName());
    }
    assertThat(signal.subscribed().join().getValue()).isEqualTo("fw");
  }
}
