package io.aurora.scheduling.mesos.http;

import java.net.URI;
import java.util.Optional;

/**
 * A master at a fixed {@code host:port}. If it is not the leader it answers 307 with the leader's
 * address, which {@link HttpDriver} follows.
 */
public final class StaticMasterDetector implements MasterDetector {
  private final URI base;

  /** A master at {@code host:port}, or at an {@code http://host:port} URL. */
  public StaticMasterDetector(String address) {
    String withScheme = address.contains("://") ? address : "http://" + address;
    URI uri = URI.create(withScheme);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("expected host:port for the Mesos master, got " + address);
    }
    this.base = URI.create("http://" + uri.getHost() + ":" + uri.getPort());
  }

  @Override
  public Optional<URI> leader() {
    return Optional.of(base);
  }

  @Override
  public void onChange(Runnable callback) {
    // A fixed address never changes.
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return base.toString();
  }
}
