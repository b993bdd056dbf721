package io.aurora.server.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.scheduling.auth.AuditLog;
import io.aurora.scheduling.auth.Callers;
import io.aurora.scheduling.auth.SecuredApi;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.scheduling.thrift.AdminApi;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.scheduling.thrift.CronApi;
import io.aurora.scheduling.thrift.JobsApi;
import io.aurora.scheduling.thrift.QuotaApi;
import io.aurora.scheduling.thrift.ReadApi;
import io.aurora.scheduling.thrift.TierSettings;
import io.aurora.scheduling.thrift.UpdateReadApi;
import io.aurora.scheduling.thrift.UpdatesApi;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.Test;

/**
 * The Thrift TCP port as the daemon serves it with authentication on: the port carries no
 * credentials, so its callers are anonymous; they may read and are refused every change.
 */
class AnonymousThriftPortIT {
  private final SchedulerHarness h = new SchedulerHarness();
  private final List<String> audit = new CopyOnWriteArrayList<>();

  private AuroraAdminService service() {
    ApiOptions options = new ApiOptions("test-cluster", "http://stats/",
        ApiOptions.DEFAULT_ENVIRONMENTS, 10, TierSettings.DEFAULTS);
    CronTriggers cron = h.cronOn(h.writer, CronOptions.DEFAULTS, new SimpleMeterRegistry());
    return new AuroraAdminService(options,
        new ReadApi(h.storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(h.storage), new JobsApi(h.writer, options),
        new CronApi(h.writer, options, cron), new UpdatesApi(h.updates, options),
        new QuotaApi(h.writer), new AdminApi(h.writer, new TaskReconciler(h.storage, h.driver,
            h.clock, h.timers, ReconcileOptions.DEFAULTS), Optional.empty(), 1000),
        new SimpleMeterRegistry());
  }

  @Test
  void anonymousCallers_read_butEveryChangeIsRefused() throws Exception {
    SecuredApi secured = new SecuredApi(service(), new AuditLog(audit::add));
    try (ThriftTcpServer server = ThriftTcpServer.start(secured.forCaller(Callers.ANONYMOUS),
        ThriftTcpOptions.of("127.0.0.1", 0))) {
      TSocket socket = new TSocket("127.0.0.1", server.port());
      socket.open();
      try {
        AuroraAdmin.Client client =
            new AuroraAdmin.Client(new TBinaryProtocol(new TFramedTransport(socket)));
        assertThat(client.getRoleSummary().getResponseCode()).isEqualTo(ResponseCode.OK);
        Response kill = client.killTasks(new JobKey("ads", "prod", "web"), Set.of(), null);
        assertThat(kill.getResponseCode()).isEqualTo(ResponseCode.AUTH_FAILED);
        assertThat(kill.getDetails().get(0).getMessage()).startsWith("Authentication required");
        assertThat(client.setQuota("ads", new io.aurora.gen.ResourceAggregate())
            .getResponseCode()).isEqualTo(ResponseCode.AUTH_FAILED);
      } finally {
        socket.close();
      }
    }
    assertThat(audit).containsExactly(
        "user=anonymous method=killTasks target=ads/prod/web result=AUTH_FAILED",
        "user=anonymous method=setQuota target=ads result=AUTH_FAILED");
  }
}
