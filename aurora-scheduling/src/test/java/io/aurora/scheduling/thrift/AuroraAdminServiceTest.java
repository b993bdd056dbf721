package io.aurora.scheduling.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.Constraint;
import io.aurora.gen.ExplicitReconciliationSettings;
import io.aurora.gen.Identity;
import io.aurora.gen.InstanceKey;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Range;
import io.aurora.gen.Resource;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import io.aurora.gen.TierConfig;
import io.aurora.gen.ValueConstraint;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.Storage;
import io.aurora.storage.TransientStorageException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/** The Thrift API end to end: real in-memory storage, the scheduling runtime, the fake driver. */
class AuroraAdminServiceTest {
  private static final JobKey JOB = JobKeys.from("www", "prod", "hello");

  private final SchedulerHarness h = new SchedulerHarness();
  private final io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
  private final AuroraAdminService api = service(h.storage);

  private AuroraAdminService service(Storage storage) {
    ApiOptions options = new ApiOptions("test-cluster", "http://stats/", ApiOptions.DEFAULT_ENVIRONMENTS,
        10, TierSettings.DEFAULTS);
    TaskReconciler reconciler =
        new TaskReconciler(storage, h.driver, h.clock, h.timers, ReconcileOptions.DEFAULTS);
    CronTriggers cron = h.cronOn(h.writerOn(storage), CronOptions.DEFAULTS, new SimpleMeterRegistry());
    return new AuroraAdminService(options,
        new ReadApi(storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(storage),
        new JobsApi(h.writerOn(storage), options),
        new CronApi(h.writerOn(storage), options, cron),
        new UpdatesApi(h.updates, options),
        new QuotaApi(h.writerOn(storage)),
        new AdminApi(h.writerOn(storage), reconciler, Optional.empty(), 1000),
        registry);
  }

  private static JobConfiguration job(int instances) {
    TaskConfig config = Fixtures.config("www", "hello", 0.5, 128, 10, "http");
    config.unsetJob();
    return new JobConfiguration().setKey(JOB.deepCopy()).setOwner(new Identity().setUser("me"))
        .setTaskConfig(config).setInstanceCount(instances);
  }

  private static void assertOk(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    assertThat(r.getServerInfo().getClusterName()).isEqualTo("test-cluster");
  }

  private List<ScheduledTask> tasks(ScheduleStatus... statuses) {
    Response r = api.getTasksStatus(statuses.length == 0 ? TaskQueries.byJob(JOB).build()
        : TaskQueries.byJob(JOB).statuses(Set.of(statuses)).build());
    assertOk(r);
    return r.getResult().getScheduleStatusResult().getTasks();
  }

  private void runAll() {
    h.offer("agent-1", 16, 16384);
    h.loop.runOnce();
    for (ScheduledTask t : tasks(ScheduleStatus.ASSIGNED)) {
      h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_RUNNING);
    }
  }

  @Test
  void createJob_schedules_runs_andIsVisibleInEveryQuery() {
    assertOk(api.createJob(job(3)));
    assertThat(tasks(ScheduleStatus.PENDING)).hasSize(3);
    runAll();
    assertThat(tasks(ScheduleStatus.RUNNING)).hasSize(3);
    ScheduledTask one = tasks().get(0);
    assertThat(one.getAssignedTask().getTask().getTier()).isEqualTo("preemptible");
    assertThat(one.getAssignedTask().getTask().isProduction()).isFalse();

    Response jobs = api.getJobs("www");
    assertOk(jobs);
    assertThat(jobs.getResult().getGetJobsResult().getConfigs()).singleElement()
        .satisfies(j -> assertThat(j.getInstanceCount()).isEqualTo(3));
    Response summary = api.getJobSummary("www");
    assertThat(summary.getResult().getJobSummaryResult().getSummaries()).singleElement()
        .satisfies(s -> assertThat(s.getStats().getActiveTaskCount()).isEqualTo(3));
    Response roles = api.getRoleSummary();
    assertThat(roles.getResult().getRoleSummaryResult().getSummaries()).singleElement()
        .satisfies(s -> assertThat(s.getJobCount()).isEqualTo(1));
    Response configs = api.getConfigSummary(JOB);
    assertThat(configs.getResult().getConfigSummaryResult().getSummary().getGroups()).singleElement()
        .satisfies(g -> assertThat(g.getInstances()).containsExactly(new Range(0, 2)));
    Response stripped = api.getTasksWithoutConfigs(TaskQueries.byJob(JOB).build());
    assertThat(stripped.getResult().getScheduleStatusResult().getTasks())
        .allMatch(t -> t.getAssignedTask().getTask().getExecutorConfig().getData().isEmpty());
    Response quota = api.getQuota("www");
    assertOk(quota);
    assertThat(quota.getResult().getGetQuotaResult().getNonProdSharedConsumption().getResources())
        .contains(Resource.numCpus(1.5));
  }

  @Test
  void createJob_twice_isInvalid() {
    assertOk(api.createJob(job(1)));
    Response again = api.createJob(job(1));
    assertThat(again.getResponseCode()).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(again.getDetails().get(0).getMessage()).contains("already exists");
  }

  @Test
  void badInput_isInvalidRequest_namingTheField() {
    assertInvalid(j -> j.getKey().setRole("bad role"), "role");
    assertInvalid(j -> j.getKey().setEnvironment("qa"), "environment");
    assertInvalid(j -> j.setInstanceCount(0), "instanceCount");
    assertInvalid(j -> j.setInstanceCount(11), "instanceCount");
    assertInvalid(j -> j.getTaskConfig().getResources().removeIf(Resource::isSetNumCpus), "numCpus");
    assertInvalid(j -> {
      j.getTaskConfig().getResources().removeIf(Resource::isSetRamMb);
      j.getTaskConfig().addToResources(Resource.ramMb(-5));
    }, "ramMb");
    assertInvalid(j -> j.getTaskConfig().unsetExecutorConfig(), "executorConfig");
    assertInvalid(j -> j.getTaskConfig().setTier("gold"), "tier");
    assertInvalid(j -> j.getTaskConfig().addToConstraints(new Constraint("dedicated",
        TaskConstraint.value(new ValueConstraint(false, new HashSet<>(Set.of("other/db")))))),
        "dedicated");
    assertInvalid(j -> j.setCronSchedule("* * * * *"), "cron schedule");
    assertThat(api.createJob(null).getResponseCode()).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(registry.counter("scheduler_thrift_response_INVALID_REQUEST").count()).isEqualTo(11);
    assertThat(api.getTasksStatus(TaskQueries.all().build()).getResult()
        .getScheduleStatusResult().getTasks()).isEmpty();
  }

  private void assertInvalid(Consumer<JobConfiguration> breakIt, String field) {
    JobConfiguration bad = job(1);
    breakIt.accept(bad);
    Response r = api.createJob(bad);
    assertThat(r.getResponseCode()).as(field).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(r.getDetails().get(0).getMessage()).as(field).contains(field);
    assertThat(r.getServerInfo().getClusterName()).isEqualTo("test-cluster");
  }

  @Test
  void killTasks_endsEveryTaskKilled_andFreesItsResources() {
    assertOk(api.createJob(job(2)));
    runAll();
    assertOk(api.addInstances(new InstanceKey(JOB, 0), 1));
    assertThat(tasks(ScheduleStatus.PENDING)).hasSize(1);

    assertOk(api.killTasks(JOB, Set.of(), "bye"));
    // The pending task is simply deleted; the running ones are killed through Mesos.
    assertThat(tasks(ScheduleStatus.PENDING)).isEmpty();
    assertThat(tasks(ScheduleStatus.KILLING)).hasSize(2);
    assertThat(h.driver.calls(Call.Type.KILL)).hasSize(2);
    for (ScheduledTask t : tasks(ScheduleStatus.KILLING)) {
      h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_KILLED);
    }
    assertThat(tasks()).hasSize(2).allMatch(t -> t.getStatus() == ScheduleStatus.KILLED);
    Response quota = api.getQuota("www");
    assertThat(quota.getResult().getGetQuotaResult().getNonProdSharedConsumption().getResources())
        .contains(Resource.numCpus(0));
    assertThat(api.getJobs(null).getResult().getGetJobsResult().getConfigs()).isEmpty();
    // The job is gone, so it can be created again.
    assertOk(api.createJob(job(1)));
  }

  @Test
  void restartShards_restartsOnlyActiveShards_andReschedules() {
    assertOk(api.createJob(job(2)));
    runAll();
    assertThat(api.restartShards(JOB, Set.of(5)).getResponseCode())
        .isEqualTo(ResponseCode.INVALID_REQUEST);
    assertOk(api.restartShards(JOB, Set.of(1)));
    ScheduledTask restarting = tasks(ScheduleStatus.RESTARTING).get(0);
    h.update(restarting.getAssignedTask().getTaskId(), TaskState.TASK_KILLED);
    assertThat(tasks(ScheduleStatus.PENDING)).singleElement()
        .satisfies(t -> assertThat(t.getAssignedTask().getInstanceId()).isEqualTo(1));
  }

  @Test
  void getPendingReason_reportsTheVeto() {
    assertOk(api.createJob(job(1)));
    h.offer("tiny", 0.5, 16384);
    h.loop.runOnce();
    Response r = api.getPendingReason(TaskQueries.byJob(JOB).build());
    assertOk(r);
    assertThat(r.getResult().getGetPendingReasonResult().getReasons()).singleElement()
        .satisfies(p -> assertThat(p.getReason()).isEqualTo("Insufficient: cpus"));
  }

  @Test
  void tiers_defaults() {
    Response r = api.getTierConfigs();
    assertOk(r);
    assertThat(r.getResult().getGetTierConfigResult().getDefaultTierName()).isEqualTo("preemptible");
    assertThat(r.getResult().getGetTierConfigResult().getTiers()).extracting(TierConfig::getName)
        .containsExactlyInAnyOrder("preferred", "preemptible", "revocable");
    JobConfiguration prod = job(1);
    prod.getTaskConfig().setTier("preferred");
    Response populated = api.populateJobConfig(prod);
    assertOk(populated);
    assertThat(populated.getResult().getPopulateJobResult().getTaskConfig().isProduction()).isTrue();
  }

  @Test
  void admin_forcePruneAndReconcile() {
    assertOk(api.createJob(job(3)));
    runAll();
    String id = tasks().get(0).getAssignedTask().getTaskId();
    assertOk(api.forceTaskState(id, ScheduleStatus.FINISHED));
    assertThat(api.pruneTasks(TaskQueries.byStatuses(ScheduleStatus.RUNNING).build())
        .getResponseCode()).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertOk(api.pruneTasks(TaskQueries.byJob(JOB).build()));
    assertThat(tasks()).extracting(t -> t.getAssignedTask().getTaskId()).doesNotContain(id);

    assertThat(api.triggerExplicitTaskReconciliation(new ExplicitReconciliationSettings().setBatchSize(0))
        .getResponseCode()).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertOk(api.triggerExplicitTaskReconciliation(new ExplicitReconciliationSettings().setBatchSize(1)));
    List<Call> reconciles = h.driver.calls(Call.Type.RECONCILE);
    assertThat(reconciles).hasSize(1);
    assertThat(reconciles.get(0).getReconcile().getTasksCount()).isEqualTo(1);
    h.advance(java.time.Duration.ofSeconds(5));
    assertThat(h.driver.calls(Call.Type.RECONCILE)).hasSize(2);
    assertOk(api.triggerImplicitTaskReconciliation());
    assertThat(h.driver.calls(Call.Type.RECONCILE).get(2).getReconcile().getTasksCount()).isZero();
  }

  @Test
  void reconciliation_correctsATaskTheMasterReportsDifferently() {
    assertOk(api.createJob(job(1)));
    runAll();
    String id = tasks().get(0).getAssignedTask().getTaskId();
    assertOk(api.triggerExplicitTaskReconciliation(null));
    // The master does not know the task: reconciliation answers TASK_LOST (no uuid).
    h.driver.deliverUpdate(org.apache.mesos.v1.Protos.TaskStatus.newBuilder()
        .setTaskId(org.apache.mesos.v1.Protos.TaskID.newBuilder().setValue(id))
        .setState(TaskState.TASK_LOST)
        .setReason(org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_RECONCILIATION).build());
    assertThat(tasks(ScheduleStatus.LOST)).hasSize(1);
    // Replaced at once; it ran for no time at all, so the replacement waits out a flapping penalty.
    assertThat(tasks(ScheduleStatus.THROTTLED)).singleElement()
        .satisfies(t -> assertThat(t.getAncestorId()).isEqualTo(id));
  }

  @Test
  void areasLeftOut_answerErrorSayingSo_updatesQueriesAreEmpty() {
    Response r = api.drainHosts(null);
    assertThat(r.getResponseCode()).isEqualTo(ResponseCode.ERROR);
    assertThat(r.getDetails().get(0).getMessage()).contains("host maintenance");
    Response backup = api.performBackup();
    assertThat(backup.getResponseCode()).isEqualTo(ResponseCode.ERROR);
    assertThat(backup.getDetails().get(0).getMessage()).isEqualTo(
        "performBackup is not available: backups and recovery are not wired into this scheduler");
    assertThat(backup.getServerInfo()).isNotNull();
    assertThat(api.setQuota("www", null).getServerInfo()).isNotNull();
    Response summaries = api.getJobUpdateSummaries(null);
    assertOk(summaries);
    assertThat(summaries.getResult().getGetJobUpdateSummariesResult().getUpdateSummaries()).isEmpty();
  }

  @Test
  void storageNotReady_isErrorTransient() {
    Storage notReady = new Storage() {
      @Override
      public <T, E extends Exception> T read(Work<T, E> work) {
        throw new TransientStorageException("recovering");
      }

      @Override
      public <T, E extends Exception> T write(MutateWork<T, E> work) {
        throw new TransientStorageException("recovering");
      }
    };
    AuroraAdminService down = service(notReady);
    assertThat(down.getTasksStatus(TaskQueries.all().build()).getResponseCode())
        .isEqualTo(ResponseCode.ERROR_TRANSIENT);
    Response create = down.createJob(job(1));
    assertThat(create.getResponseCode()).isEqualTo(ResponseCode.ERROR_TRANSIENT);
    assertThat(create.getServerInfo().getStatsUrlPrefix()).isEqualTo("http://stats/");
  }
}
