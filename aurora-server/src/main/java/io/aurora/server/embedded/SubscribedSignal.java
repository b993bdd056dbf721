package io.aurora.server.embedded;

import io.aurora.scheduling.mesos.DriverListener;
import io.aurora.scheduling.mesos.ForwardingDriverListener;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.MasterInfo;

/**
 * A listener that passes every event to the runtime's and completes a future at the first
 * SUBSCRIBED, after the runtime has stored the framework id.
 */
final class SubscribedSignal extends ForwardingDriverListener {
  private final CompletableFuture<FrameworkID> subscribed = new CompletableFuture<>();

  SubscribedSignal(DriverListener delegate) {
    super(delegate);
  }

  /** Completes with the framework id at the first subscription. */
  CompletableFuture<FrameworkID> subscribed() {
    return subscribed;
  }

  @Override
  public void subscribed(FrameworkID frameworkId, MasterInfo masterInfo) {
    super.subscribed(frameworkId, masterInfo);
    subscribed.complete(frameworkId);
  }
}
