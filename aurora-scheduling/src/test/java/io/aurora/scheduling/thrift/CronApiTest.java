package io.aurora.scheduling.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.Identity;
import io.aurora.gen.InstanceKey;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobSummary;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.scheduling.testing.StoredUpdates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;

/** The cron calls end to end over the harness, with Aurora's messages. */
class CronApiTest {
  private static final JobKey JOB = JobKeys.from("www", "prod", "report");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final SchedulerHarness h = new SchedulerHarness();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CronTriggers cron = h.cronOn(h.writer, CronOptions.DEFAULTS, registry);
  private final AuroraAdminService api;

  CronApiTest() {
    ApiOptions options = new ApiOptions("test-cluster", "http://stats/",
        ApiOptions.DEFAULT_ENVIRONMENTS, 10, TierSettings.DEFAULTS);
    TaskReconciler reconciler =
        new TaskReconciler(h.storage, h.driver, h.clock, h.timers, ReconcileOptions.DEFAULTS);
    api = new AuroraAdminService(options,
        new ReadApi(h.storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(h.storage),
        new JobsApi(h.writer, options),
        new CronApi(h.writer, options, cron),
        new UpdatesApi(h.updates, options),
        new QuotaApi(h.writer),
        new AdminApi(h.writer, reconciler, Optional.empty(), 1000),
        registry);
    cron.start();
  }

  /** A batch job (no key in its task config, as clients send it). */
  private static JobConfiguration cronJob(String schedule, int instances) {
    TaskConfig config = Fixtures.config("www", "report", 0.5, 128, 10).setIsService(false);
    config.unsetJob();
    return new JobConfiguration().setKey(JOB.deepCopy()).setOwner(new Identity().setUser("me"))
        .setTaskConfig(config).setInstanceCount(instances).setCronSchedule(schedule);
  }

  private static void assertOk(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    assertThat(r.getServerInfo().getClusterName()).isEqualTo("test-cluster");
  }

  private static void assertInvalid(Response r, String message) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails())
        .isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(r.getDetails()).singleElement()
        .satisfies(d -> assertThat(d.getMessage()).isEqualTo(message));
  }

  private static String detail(Response r) {
    assertThat(r.getDetails()).hasSize(1);
    return r.getDetails().get(0).getMessage();
  }

  private Optional<JobConfiguration> stored() {
    return h.storage.read(s -> s.cronJobStore().fetchJob(JOB));
  }

  @Test
  void scheduleCronJob_storesTheTemplate_whichTheReadsShow() {
    assertOk(api.scheduleCronJob(cronJob("*/15 * * * *", 2)));
    assertThat(stored()).hasValueSatisfying(t -> {
      assertThat(t.getCronSchedule()).isEqualTo("*/15 * * * *");
      assertThat(t.getTaskConfig().getJob()).isEqualTo(JOB);
    });
    assertThat(cron.scheduled()).isEqualTo(Map.of("www/prod/report", "0,15,30,45 * * * *"));

    Response jobs = api.getJobs("www");
    assertThat(jobs.getResult().getGetJobsResult().getConfigs()).singleElement()
        .satisfies(j -> assertThat(j.getCronSchedule()).isEqualTo("*/15 * * * *"));
    Response summary = api.getJobSummary("www");
    assertThat(summary.getResult().getJobSummaryResult().getSummaries()).singleElement()
        .satisfies(s -> {
          assertThat(s.getJob().getCronSchedule()).isEqualTo("*/15 * * * *");
          assertThat(s.isSetNextCronRunMs()).isTrue();
          assertThat(s.getNextCronRunMs()).isEqualTo(START.plus(Duration.ofMinutes(15)).toEpochMilli());
        });
    Response roles = api.getRoleSummary();
    assertThat(roles.getResult().getRoleSummaryResult().getSummaries()).singleElement()
        .satisfies(r -> assertThat(r.getCronJobCount()).isEqualTo(1));

    h.advance(Duration.ofMinutes(15));
    assertThat(h.tasks(ScheduleStatus.PENDING)).hasSize(2);
  }

  @Test
  void serviceJobsWithoutSchedule_badSchedulesAndRunOverlap_areRefused() {
    JobConfiguration service = cronJob("* * * * *", 1);
    service.getTaskConfig().setIsService(true);
    assertInvalid(api.scheduleCronJob(service),
        "A service task may not be run on a cron schedule: www/prod/report");
    assertInvalid(api.scheduleCronJob(cronJob(null, 1)), "Job www/prod/report has no cron schedule");
    assertInvalid(api.scheduleCronJob(cronJob("  ", 1)), "Job www/prod/report has no cron schedule");
    assertInvalid(api.scheduleCronJob(cronJob("60 * * * *", 1)),
        "Invalid cron schedule: 60 * * * * (minute '60': Value 60 not in range [0, 59])");
    assertInvalid(api.scheduleCronJob(cronJob("0 0 1 * MON", 1)),
        "Invalid cron schedule: 0 0 1 * MON (a day of month and a day of week may not both be"
            + " given (one of them must be *))");
    assertInvalid(api.scheduleCronJob(
            cronJob("* * * * *", 1).setCronCollisionPolicy(CronCollisionPolicy.RUN_OVERLAP)),
        "The RUN_OVERLAP collision policy has been removed (AURORA-38).");
    assertInvalid(api.scheduleCronJob(cronJob("* * * * *", 0)), "instanceCount must be positive, got 0");
    assertThat(stored()).isEmpty();
    assertThat(registry.counter("scheduler_thrift_response_INVALID_REQUEST").count()).isEqualTo(7);
  }

  @Test
  void scheduleCronJob_again_replacesTheTemplate() {
    assertOk(api.scheduleCronJob(cronJob("0 * * * *", 1)));
    assertOk(api.scheduleCronJob(cronJob("30 * * * *", 3)
        .setCronCollisionPolicy(CronCollisionPolicy.CANCEL_NEW)));
    assertThat(stored()).hasValueSatisfying(t -> {
      assertThat(t.getInstanceCount()).isEqualTo(3);
      assertThat(t.getCronCollisionPolicy()).isEqualTo(CronCollisionPolicy.CANCEL_NEW);
    });
    assertThat(cron.armedDue(JOB)).contains(START.plus(Duration.ofMinutes(30)));
  }

  @Test
  void scheduleCronJob_ofAJobWithActiveTasks_isRefused() {
    JobConfiguration service = cronJob(null, 1);
    service.getTaskConfig().setIsService(true);
    assertOk(api.createJob(service));
    assertInvalid(api.scheduleCronJob(cronJob("* * * * *", 1)), "Job www/prod/report already exists");
  }

  @Test
  void replaceCronTemplate_needsAnExistingTemplate() {
    assertInvalid(api.replaceCronTemplate(cronJob("* * * * *", 1)),
        "No cron job found for www/prod/report.");
    assertOk(api.scheduleCronJob(cronJob("* * * * *", 1)));
    assertOk(api.replaceCronTemplate(cronJob("5 * * * *", 2)));
    assertThat(stored()).hasValueSatisfying(t -> assertThat(t.getCronSchedule()).isEqualTo("5 * * * *"));
    assertThat(cron.scheduled()).containsEntry("www/prod/report", "5 * * * *");
  }

  @Test
  void descheduleCronJob_removesTheTemplate_andSaysWhenThereWasNone() {
    assertOk(api.scheduleCronJob(cronJob("* * * * *", 1)));
    Response removed = api.descheduleCronJob(JOB);
    assertOk(removed);
    assertThat(removed.getDetails()).isEmpty();
    assertThat(stored()).isEmpty();
    assertThat(cron.scheduled()).isEmpty();
    h.advance(Duration.ofMinutes(2));
    assertThat(h.tasks()).isEmpty();

    Response again = api.descheduleCronJob(JOB);
    assertOk(again);
    assertThat(detail(again)).isEqualTo("Job www/prod/report is not scheduled with cron");
    assertThat(api.descheduleCronJob(new JobKey("www", "prod", "bad name")).getResponseCode())
        .isEqualTo(ResponseCode.INVALID_REQUEST);
  }

  @Test
  void startCronJob_runsNow_andSaysWhyWhenThePolicyHoldsTheRunBack() {
    assertInvalid(api.startCronJob(JOB),
        "Failed to start cron job - No cron job found for www/prod/report.");
    assertOk(api.scheduleCronJob(cronJob("0 0 1 1 *", 2)
        .setCronCollisionPolicy(CronCollisionPolicy.CANCEL_NEW)));
    Response started = api.startCronJob(JOB);
    assertOk(started);
    assertThat(started.getDetails()).isEmpty();
    assertThat(h.tasks(ScheduleStatus.PENDING)).hasSize(2);

    Response skipped = api.startCronJob(JOB);
    assertOk(skipped);
    assertThat(detail(skipped)).contains("still active", "CANCEL_NEW");
    assertThat(h.tasks()).hasSize(2);
    assertThat(registry.counter("cron_job_triggers").count()).isEqualTo(2);
  }

  @Test
  void startCronJob_withKillExisting_saysTheRunWaits() {
    assertOk(api.scheduleCronJob(cronJob("0 0 1 1 *", 1)));
    assertOk(api.startCronJob(JOB));
    h.offer("agent-1", 16, 16384);
    h.loop.runOnce();
    for (ScheduledTask t : h.tasks(ScheduleStatus.ASSIGNED)) {
      h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_RUNNING);
    }
    Response killing = api.startCronJob(JOB);
    assertOk(killing);
    assertThat(detail(killing)).contains("is being killed (KILL_EXISTING)");
    Response waiting = api.startCronJob(JOB);
    assertThat(detail(waiting)).contains("already waiting");
    assertThat(registry.counter("cron_job_concurrent_runs").count()).isEqualTo(1);
  }

  @Test
  void createJob_withASchedule_andAddInstancesToACronJob_areRefused() {
    assertInvalid(api.createJob(cronJob("* * * * *", 1)),
        "Cron jobs may only be created/updated by calling scheduleCronJob.");
    assertOk(api.scheduleCronJob(cronJob("0 0 1 1 *", 1)));
    JobConfiguration plain = cronJob(null, 1);
    assertInvalid(api.createJob(plain), "Job already exists: www/prod/report");
    assertOk(api.startCronJob(JOB));
    assertInvalid(api.addInstances(new InstanceKey(JOB, 0), 1),
        "Instances may not be added to cron jobs.");
  }

  @Test
  void aJobWithAnActiveUpdate_cannotBeScheduledReplacedOrDescheduled() {
    JobUpdateKey update = StoredUpdates.store(h.storage, JOB, "upd-1", "alice", 1000,
        JobUpdateStatus.ROLLING_FORWARD);
    for (Response r : new Response[] {api.scheduleCronJob(cronJob("* * * * *", 1)),
        api.replaceCronTemplate(cronJob("* * * * *", 1)), api.descheduleCronJob(JOB)}) {
      assertThat(r.getResponseCode()).as("%s", r.getDetails())
          .isEqualTo(ResponseCode.JOB_UPDATING_ERROR);
      assertThat(detail(r)).contains("www/prod/report", update.getId());
    }
    assertThat(stored()).isEmpty();
  }

  @Test
  void summaries_ofCronJobs_carryTheNextRun_andPlainJobsDoNot() {
    assertOk(api.scheduleCronJob(cronJob("0 12 * * *", 1)));
    JobConfiguration plain = cronJob(null, 1).setKey(JobKeys.from("www", "prod", "web"));
    plain.getTaskConfig().setIsService(true);
    assertOk(api.createJob(plain));
    Map<String, JobSummary> byName = new java.util.TreeMap<>();
    api.getJobSummary(null).getResult().getJobSummaryResult().getSummaries()
        .forEach(s -> byName.put(s.getJob().getKey().getName(), s));
    assertThat(byName.get("report").getNextCronRunMs())
        .isEqualTo(Instant.parse("2026-01-01T12:00:00Z").toEpochMilli());
    assertThat(byName.get("web").isSetNextCronRunMs()).isFalse();
  }
}
