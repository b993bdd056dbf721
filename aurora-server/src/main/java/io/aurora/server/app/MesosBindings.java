package io.aurora.server.app;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.http.HttpDriver;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
import jakarta.inject.Singleton;

/** The Mesos boundary: the v1 HTTP client. It does nothing until the leader subscribes. */
@Module
public interface MesosBindings {
  @Binds
  Driver driver(HttpDriver http);

  @Provides
  @Singleton
  static HttpDriver http(DaemonConfig config, DaemonThreads threads) {
    // forAddress: the driver closes a zk:// detector's ZooKeeper client when it stops.
    return HttpDriver.forAddress(config.mesosMaster(), config.framework(), config.mesosClient(),
        threads.driver,
        HttpDriver.newHttpClient(MesosClientOptions.DEFAULT_CONNECT_TIMEOUT, threads.mesosHttp),
        threads.mesosCalls);
  }
}
