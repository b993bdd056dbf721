package io.aurora.server.thrift;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How the Thrift TCP port is served.
 *
 * @param bindAddress where to listen; port 0 picks a free port
 * @param maxFrameBytes the largest frame accepted; a larger length prefix closes that connection
 * @param selectorThreads threads doing socket IO
 * @param workerThreads threads running service calls
 */
public record ThriftTcpOptions(
    InetSocketAddress bindAddress, int maxFrameBytes, int selectorThreads, int workerThreads) {

  /** 16 MiB: far above any real request, low enough that garbage cannot make us allocate much. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

  public ThriftTcpOptions {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (maxFrameBytes < 1024) {
      throw new IllegalArgumentException(
          "Thrift max frame size must be at least 1024 bytes: " + maxFrameBytes);
    }
    if (selectorThreads < 1 || workerThreads < 1) {
      throw new IllegalArgumentException(
          "Thrift server needs at least one selector and one worker thread, got "
              + selectorThreads
              + " and "
              + workerThreads);
    }
  }

  /** Listens on {@code host:port} with the default frame limit, 2 selector and 8 worker threads. */
  public static ThriftTcpOptions of(String host, int port) {
    return new ThriftTcpOptions(new InetSocketAddress(host, port), DEFAULT_MAX_FRAME_BYTES, 2, 8);
  }
}
