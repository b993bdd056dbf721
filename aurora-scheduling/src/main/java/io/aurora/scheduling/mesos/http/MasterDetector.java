package io.aurora.scheduling.mesos.http;

import java.io.Closeable;
import java.net.URI;
import java.util.Optional;

/** Finds the leading Mesos master. */
public interface MasterDetector extends Closeable {

  /** The leader's base URI ({@code http://host:port}), or empty while no leader is known. */
  Optional<URI> leader();

  /**
   * Registers the one callback run (on any thread) whenever the leader may have changed. The
   * callback should be cheap and compare {@link #leader()} with what it knows.
   */
  void onChange(Runnable callback);

  /** Stops watching; a no-op for fixed addresses. */
  @Override
  void close();
}
