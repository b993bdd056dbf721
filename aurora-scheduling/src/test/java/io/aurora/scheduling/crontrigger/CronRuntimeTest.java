package io.aurora.scheduling.crontrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.TaskQueries;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.FakeDriver;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.testing.FakeClock;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.storage.mem.MemStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The assembled runtime and API: templates scheduled through the API fire on the runtime's timer
 * thread once it has started, writing on the cron pool, and the counters are on its registry.
 */
class CronRuntimeTest {
  @Test
  void theRuntime_firesTemplatesScheduledThroughTheApi() throws Exception {
    MemStorage storage = new MemStorage();
    FakeClock clock = new FakeClock();
    FakeDriver driver = new FakeDriver();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SchedulerRuntimeOptions d = SchedulerRuntimeOptions.DEFAULTS;
    SchedulerRuntimeOptions options = new SchedulerRuntimeOptions(d.schedulerHost(),
        d.executor(), d.offers(), d.reschedule(), d.timers(), d.reconcile(), d.prune(),
        d.maxStatusUpdateBatch(), d.schedulingInterval(), Duration.ofMillis(5), d.placement(),
        d.maxStartupScheduleDelay(), d.updates(), d.cron());
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    ExecutorService cronThreads = Executors.newFixedThreadPool(2);
    try {
      SchedulerRuntime runtime = new SchedulerRuntime(storage, driver, clock,
          clock.ticker(), new Random(1), options,
          FilterChain.standard(), Scorer.OFFER_ORDER, () -> { }, registry, Runnable::run,
          cronThreads);
      AuroraAdminService api = AuroraAdminService.of(ApiOptions.defaults("test"), storage, runtime,
          Optional.empty(), registry);
      JobConfiguration template = CronTriggersTest.template(CronTriggersTest.JOB, "* * * * *",
          null, 2).setOwner(new Identity().setUser("me"));
      template.getTaskConfig().unsetJob();
      runtime.start(executor);
      assertThat(api.scheduleCronJob(template).getResponseCode()).isEqualTo(ResponseCode.OK);
      assertThat(runtime.cron().scheduled()).containsOnlyKeys("www/prod/report");

      clock.advance(Duration.ofMinutes(1));
      await().atMost(Duration.ofSeconds(10)).until(() -> storage.read(s -> s.taskStore()
          .fetchTasks(TaskQueries.byJob(CronTriggersTest.JOB)
              .statuses(ScheduleStatus.PENDING).build())).size() == 2);
      await().atMost(Duration.ofSeconds(10))
          .until(() -> registry.counter("cron_job_triggers").count() == 1);
      assertThat(api.getJobSummary("www").getResult().getJobSummaryResult().getSummaries())
          .singleElement().satisfies(s -> assertThat(s.getNextCronRunMs())
              .isEqualTo(CronTriggersTest.START.plus(Duration.ofMinutes(2)).toEpochMilli()));
    } finally {
      executor.shutdownNow();
      cronThreads.shutdownNow();
    }
  }
}
