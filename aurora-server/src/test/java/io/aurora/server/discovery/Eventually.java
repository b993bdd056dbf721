package io.aurora.server.discovery;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that another thread (Curator's, ZooKeeper's) makes true. Tests only. */
final class Eventually {

  private Eventually() {}

  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
      }
      Thread.sleep(20);
    }
  }
}
