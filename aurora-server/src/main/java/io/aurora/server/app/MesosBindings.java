package io.aurora.server.app;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.http.HttpDriver;
import io.aurora.scheduling.mesos.http.MasterDetectors;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The Mesos boundary: the v1 HTTP client. It does nothing until the leader subscribes. */
@Module
public interface MesosBindings {
  @Binds
  Driver driver(HttpDriver http);

  @Provides
  @Singleton
  static HttpDriver http(DaemonConfig config, DaemonThreads threads) {
    return new HttpDriver(config.framework().toFrameworkInfo(), config.mesosClient(),
        MasterDetectors.forAddress(config.mesosMaster(), threads.driver),
        HttpDriver.newHttpClient(Duration.ofSeconds(10), threads.mesosHttp), threads.driver,
        threads.mesosCalls);
  }
}
