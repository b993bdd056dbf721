package io.aurora.server.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/**
 * Completes when the framework is first subscribed to Mesos (its id stored); the lifecycle then
 * reconciles, starts scheduling and announces. Later re-subscriptions change nothing here.
 */
@Singleton
public final class MesosRegistration {
  private final CompletableFuture<Void> subscribed = new CompletableFuture<>();

  @Inject
  public MesosRegistration() {}

  void onSubscribed() {
    subscribed.complete(null);
  }

  CompletableFuture<Void> subscribed() {
    return subscribed;
  }
}
