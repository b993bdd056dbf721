package io.aurora.server.bench.log;

import java.util.concurrent.CompletableFuture;

/** Something that makes one entry durable per call: our log's writer, etcd, ZooKeeper. */
interface Appender extends AutoCloseable {
  /**
   * Starts a durable write of {@code data} (not modified, possibly shared between calls); the
   * future completes once the target acknowledged it, or fails.
   */
  CompletableFuture<?> append(byte[] data);

  @Override
  void close();
}
