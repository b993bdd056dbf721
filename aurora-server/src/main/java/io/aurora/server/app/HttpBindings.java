package io.aurora.server.app;

import dagger.Module;
import dagger.Provides;
import io.aurora.http.AdminHooks;
import io.aurora.http.AdminServer;
import io.aurora.http.LeaderPages;
import io.aurora.http.auth.RequestAuthenticator;
import io.aurora.http.redirect.LeaderLocator;
import io.aurora.http.ui.OperatorSources;
import io.aurora.http.ui.WebUi;
import io.aurora.scheduling.auth.Callers;
import io.aurora.scheduling.auth.SecuredApi;
import io.aurora.scheduling.offers.HeldOffer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.server.discovery.ServersetMonitor;
import io.aurora.storage.Storage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.apache.curator.framework.CuratorFramework;

/** aurora-http: the admin server, and the serverset watch that tells followers where to redirect. */
@Module
public interface HttpBindings {
  @Provides
  @Singleton
  static ServersetMonitor monitor(CuratorFramework curator, DaemonConfig config) {
    return new ServersetMonitor(curator, config.server().serversetPath());
  }

  @Provides
  @Singleton
  static LeaderLocator leader(ServersetMonitor monitor, SchedulerState state, DaemonConfig config) {
    return new ServersetLeaderLocator(monitor, state, config.server().serversetEndpointName());
  }

  /** Who an HTTP caller is ({@code -http_authentication_mechanism}); BASIC reads the INI here. */
  @Provides
  @Singleton
  static RequestAuthenticator authenticator(DaemonConfig config) {
    return config.auth().authenticator();
  }

  /**
   * {@code /quitquitquit} stops gracefully; {@code /abortabortabort} halts the JVM, as Aurora;
   * {@code /cron} lists the cron jobs scheduled here, {@code /maintenance} the hosts in
   * maintenance.
   */
  @Provides
  @Singleton
  static AdminServer admin(DaemonConfig config, MeterRegistry registry, Clock clock,
      LeaderLocator leader, SecuredApi api, RequestAuthenticator authenticator, ProcessGuard guard,
      DaemonThreads threads, SchedulerRuntime runtime, Storage storage) {
    AdminServer admin = new AdminServer(config.admin(), registry,
        new ExtraVars(config.server().flags(), clock),
        leader, api::forCaller, authenticator,
        new AdminHooks(() -> guard.stop(0, "/quitquitquit requested"), AdminHooks.HALT),
        new LeaderPages(runtime.cron()::scheduled, runtime.maintenance()::page),
        threads.httpApi);
    // The web UI reads through the API as an anonymous reader; /offers and /agents show the offer
    // book and the stored host attributes, which the API has no call for.
    return admin.withUi(new WebUi(api.forCaller(Callers.ANONYMOUS), clock, new OperatorSources(
        () -> runtime.offers().offers().stream().map(HeldOffer::offer).toList(),
        () -> storage.read(stores -> stores.attributeStore().fetchHostAttributes()))));
  }
}
