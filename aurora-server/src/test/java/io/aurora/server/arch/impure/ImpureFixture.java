package io.aurora.server.arch.impure;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Test input for PurityRulesTest: each method breaks purity in one way. Never run. */
public final class ImpureFixture {
  private final Object lock = new Object();

  Object io() {
    return new java.io.File("x");
  }

  Object thread() {
    return Executors.newSingleThreadExecutor();
  }

  void monitor() throws InterruptedException {
    synchronized (lock) { // the block is invisible to ArchUnit; the wait() is not
      lock.wait();
    }
  }

  long clock() {
    return Clock.systemUTC().millis();
  }

  long systemTime() {
    return System.nanoTime();
  }

  Object now() {
    return LocalDateTime.now();
  }

  int random() {
    return new Random().nextInt();
  }

  Supplier<UUID> uuidReference() {
    return UUID::randomUUID;
  }

  synchronized void locked() {}
}
