package io.aurora.scheduling.thrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.Constraint;
import io.aurora.gen.Container;
import io.aurora.gen.ExplicitReconciliationSettings;
import io.aurora.gen.Identity;
import io.aurora.gen.Image;
import io.aurora.gen.InstanceKey;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.MesosContainer;
import io.aurora.gen.Metadata;
import io.aurora.gen.Resource;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.PercentageSlaPolicy;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import io.aurora.gen.TaskQuery;
import io.aurora.gen.ValueConstraint;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Absurd, null and empty arguments to every available method of the API, as a table: each either
 * answers INVALID_REQUEST naming the argument and leaves the tasks as they were, or answers OK
 * with the right (often empty) result. Nothing answers ERROR from an exception.
 *
 * <p>The fixture: job www/prod/hello, instances 1 and 2 RUNNING, instance 0's first task forced
 * FINISHED and replaced by a THROTTLED one, instance 3 PENDING: five tasks.
 */
class ApiArgumentsTest {
  private static final JobKey JOB = JobKeys.from("www", "prod", "hello");
  private static final int MAX = Integer.MAX_VALUE;
  private static final int MIN = Integer.MIN_VALUE;

  private final SchedulerHarness h = new SchedulerHarness();
  private final AuroraAdminService api;
  private final int taskCount;

  ApiArgumentsTest() {
    ApiOptions options = new ApiOptions("test-cluster", "http://stats/",
        ApiOptions.DEFAULT_ENVIRONMENTS, 10, TierSettings.DEFAULTS);
    TaskReconciler reconciler =
        new TaskReconciler(h.storage, h.driver, h.clock, h.timers, ReconcileOptions.DEFAULTS);
    CronTriggers cron = h.cronOn(h.writer, CronOptions.DEFAULTS, new SimpleMeterRegistry());
    h.startUpdates();
    api = new AuroraAdminService(options,
        new ReadApi(h.storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(h.storage),
        new JobsApi(h.writer, options),
        new CronApi(h.writer, options, cron),
        new UpdatesApi(h.updates, options),
        new QuotaApi(h.writer),
        new AdminApi(h.writer, reconciler, Optional.empty(), 1000),
        new SimpleMeterRegistry());
    assertThat(api.createJob(job()).getResponseCode()).isEqualTo(ResponseCode.OK);
    h.offer("agent-1", 16, 16384);
    h.loop.runOnce();
    for (ScheduledTask t : all()) {
      h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_RUNNING);
    }
    String first = all().stream().filter(t -> t.getAssignedTask().getInstanceId() == 0)
        .findFirst().orElseThrow().getAssignedTask().getTaskId();
    assertThat(api.forceTaskState(first, ScheduleStatus.FINISHED).getResponseCode())
        .isEqualTo(ResponseCode.OK);
    assertThat(api.addInstances(new InstanceKey(JOB, 1), 1).getResponseCode())
        .isEqualTo(ResponseCode.OK);
    taskCount = all().size();
    assertThat(taskCount).isEqualTo(5);
  }

  private static JobConfiguration job() {
    TaskConfig config = Fixtures.config("www", "hello", 0.5, 128, 10, "http");
    config.unsetJob();
    return new JobConfiguration().setKey(JOB.deepCopy()).setOwner(new Identity().setUser("me"))
        .setTaskConfig(config).setInstanceCount(3);
  }

  private List<ScheduledTask> all() {
    return h.storage.read(s -> s.taskStore().fetchTasks(TaskQueries.all().build()));
  }

  private Map<String, ScheduleStatus> statuses() {
    Map<String, ScheduleStatus> out = new TreeMap<>();
    all().forEach(t -> out.put(t.getAssignedTask().getTaskId(), t.getStatus()));
    return out;
  }

  /** What a case expects: INVALID_REQUEST naming {@code field}, or OK whose response passes. */
  record Expect(ResponseCode code, String field, Consumer<Fixture> check) {}

  /** The response and the fixture's task count, for checks of OK results. */
  record Fixture(Response response, int taskCount) {
    List<ScheduledTask> tasks() {
      return response.getResult().getScheduleStatusResult().getTasks();
    }
  }

  static Expect invalid(String field) {
    return new Expect(ResponseCode.INVALID_REQUEST, field, f -> { });
  }

  static Expect ok(Consumer<Fixture> check) {
    return new Expect(ResponseCode.OK, null, check);
  }

  static Expect okTasks(Function<Integer, Integer> expectedCount) {
    return ok(f -> assertThat(f.tasks()).hasSize(expectedCount.apply(f.taskCount())));
  }

  static Expect okUnchecked() {
    return ok(f -> { });
  }

  static Object[] row(String name, Function<AuroraAdminService, Response> call, Expect expect) {
    return new Object[] {name, call, expect};
  }

  static TaskQuery query() {
    return new TaskQuery();
  }

  static JobConfiguration broken(Consumer<JobConfiguration> change) {
    JobConfiguration j = job();
    change.accept(j);
    return j;
  }

  static Stream<Object[]> cases() {
    return Stream.concat(readCases(), writeCases());
  }

  static Stream<Object[]> readCases() {
    return Stream.of(
        row("getTasksStatus(null)", a -> a.getTasksStatus(null), invalid("query")),
        row("getTasksStatus(offset -1)", a -> a.getTasksStatus(query().setOffset(-1)),
            invalid("query.offset")),
        row("getTasksStatus(offset MIN)", a -> a.getTasksStatus(query().setOffset(MIN)),
            invalid("query.offset")),
        row("getTasksStatus(limit -1)", a -> a.getTasksStatus(query().setLimit(-1)),
            invalid("query.limit")),
        row("getTasksStatus(limit 0)", a -> a.getTasksStatus(query().setLimit(0)), okTasks(n -> 0)),
        row("getTasksStatus(limit MAX)", a -> a.getTasksStatus(query().setLimit(MAX)),
            okTasks(n -> n)),
        row("getTasksStatus(offset 1, limit MAX)",
            a -> a.getTasksStatus(query().setOffset(1).setLimit(MAX)), okTasks(n -> n - 1)),
        row("getTasksStatus(offset MAX, limit MAX)",
            a -> a.getTasksStatus(query().setOffset(MAX).setLimit(MAX)), okTasks(n -> 0)),
        row("getTasksStatus(offset MAX)", a -> a.getTasksStatus(query().setOffset(MAX)),
            okTasks(n -> 0)),
        row("getTasksStatus(offset 1, limit 2)",
            a -> a.getTasksStatus(query().setOffset(1).setLimit(2)), okTasks(n -> 2)),
        row("getTasksStatus(empty query)", a -> a.getTasksStatus(query()), okTasks(n -> n)),
        row("getTasksStatus(every set empty)", a -> a.getTasksStatus(query()
            .setTaskIds(Set.of()).setStatuses(Set.of()).setInstanceIds(Set.of())
            .setJobKeys(Set.of()).setSlaveHosts(Set.of())), okTasks(n -> n)),
        row("getTasksStatus(jobKeys {null fields})",
            a -> a.getTasksStatus(query().setJobKeys(Set.of(new JobKey()))), okTasks(n -> 0)),
        row("getTasksStatus(jobKeys {empty fields})",
            a -> a.getTasksStatus(query().setJobKeys(Set.of(new JobKey("", "", "")))),
            okTasks(n -> 0)),
        row("getTasksStatus(role, environment, jobName empty)", a -> a.getTasksStatus(
            query().setRole("").setEnvironment("").setJobName("")), okTasks(n -> 0)),
        row("getTasksStatus(role malformed)", a -> a.getTasksStatus(query().setRole("a b")),
            okTasks(n -> 0)),
        row("getTasksStatus(instanceIds {-1})",
            a -> a.getTasksStatus(query().setInstanceIds(Set.of(-1))), okTasks(n -> 0)),
        row("getTasksStatus(taskIds {unknown, empty})",
            a -> a.getTasksStatus(query().setTaskIds(Set.of("nope", ""))), okTasks(n -> 0)),
        row("getTasksWithoutConfigs(null)", a -> a.getTasksWithoutConfigs(null), invalid("query")),
        row("getTasksWithoutConfigs(offset -1)",
            a -> a.getTasksWithoutConfigs(query().setOffset(-1)), invalid("query.offset")),
        row("getTasksWithoutConfigs(limit -5)",
            a -> a.getTasksWithoutConfigs(query().setLimit(-5)), invalid("query.limit")),
        row("getTasksWithoutConfigs(offset 2, limit MAX)",
            a -> a.getTasksWithoutConfigs(query().setOffset(2).setLimit(MAX)), okTasks(n -> n - 2)),
        row("getPendingReason(null)", a -> a.getPendingReason(null), invalid("query")),
        row("getPendingReason(offset -1)", a -> a.getPendingReason(query().setOffset(-1)),
            invalid("query.offset")),
        row("getPendingReason(limit -1)", a -> a.getPendingReason(query().setLimit(-1)),
            invalid("query.limit")),
        row("getPendingReason(statuses {RUNNING})",
            a -> a.getPendingReason(query().setStatuses(Set.of(ScheduleStatus.RUNNING))),
            invalid("query.statuses")),
        row("getPendingReason(empty query)", a -> a.getPendingReason(query()), ok(f -> assertThat(
            f.response().getResult().getGetPendingReasonResult().getReasons()).hasSize(1))),
        row("getPendingReason(offset MAX, limit MAX)",
            a -> a.getPendingReason(query().setOffset(MAX).setLimit(MAX)), ok(f -> assertThat(
                f.response().getResult().getGetPendingReasonResult().getReasons()).isEmpty())),
        row("getConfigSummary(null)", a -> a.getConfigSummary(null), invalid("job")),
        row("getConfigSummary(key unset)", a -> a.getConfigSummary(new JobKey()),
            invalid("job role")),
        row("getConfigSummary(environment empty)",
            a -> a.getConfigSummary(new JobKey("www", "", "hello")), invalid("job environment")),
        row("getConfigSummary(name malformed)",
            a -> a.getConfigSummary(new JobKey("www", "prod", "a/b")), invalid("job name")),
        row("getConfigSummary(no such job)",
            a -> a.getConfigSummary(new JobKey("www", "qa", "hello")), ok(f -> assertThat(
                f.response().getResult().getConfigSummaryResult().getSummary().getGroups())
                .isEmpty())),
        row("getConfigSummary(the job)", a -> a.getConfigSummary(JOB), ok(f -> assertThat(
            f.response().getResult().getConfigSummaryResult().getSummary().getGroups())
            .hasSize(1))),
        row("getJobs(null)", a -> a.getJobs(null), ok(f -> assertThat(
            f.response().getResult().getGetJobsResult().getConfigs()).hasSize(1))),
        row("getJobs(empty)", a -> a.getJobs(""), invalid("ownerRole")),
        row("getJobs(malformed)", a -> a.getJobs("www/prod"), invalid("ownerRole")),
        row("getJobs(unknown role)", a -> a.getJobs("nobody"), ok(f -> assertThat(
            f.response().getResult().getGetJobsResult().getConfigs()).isEmpty())),
        row("getJobSummary(null)", a -> a.getJobSummary(null), ok(f -> assertThat(
            f.response().getResult().getJobSummaryResult().getSummaries()).hasSize(1))),
        row("getJobSummary(empty)", a -> a.getJobSummary(""), invalid("role")),
        row("getJobSummary(malformed)", a -> a.getJobSummary("w w"), invalid("role")),
        row("getQuota(null)", a -> a.getQuota(null), invalid("ownerRole")),
        row("getQuota(empty)", a -> a.getQuota(""), invalid("ownerRole")),
        row("getQuota(malformed)", a -> a.getQuota("www*"), invalid("ownerRole")),
        row("getQuota(unknown role)", a -> a.getQuota("nobody"), ok(f -> assertThat(
            f.response().getResult().getGetQuotaResult().getQuota().getResources()).isNotEmpty())),
        row("getRoleSummary()", AuroraAdminService::getRoleSummary, ok(f -> assertThat(
            f.response().getResult().getRoleSummaryResult().getSummaries()).hasSize(1))),
        row("getTierConfigs()", AuroraAdminService::getTierConfigs, ok(f -> assertThat(
            f.response().getResult().getGetTierConfigResult().getTiers()).hasSize(3))),
        row("getJobUpdateSummaries(null)", a -> a.getJobUpdateSummaries(null), okUnchecked()),
        row("getJobUpdateSummaries(offset -1)", a -> a.getJobUpdateSummaries(
            new JobUpdateQuery().setOffset(-1)), invalid("query.offset")),
        row("getJobUpdateSummaries(limit MIN)", a -> a.getJobUpdateSummaries(
            new JobUpdateQuery().setLimit(MIN)), invalid("query.limit")),
        row("getJobUpdateSummaries(offset and limit MAX)", a -> a.getJobUpdateSummaries(
            new JobUpdateQuery().setOffset(MAX).setLimit(MAX)), okUnchecked()),
        row("getJobUpdateDetails(null, null)", a -> a.getJobUpdateDetails(null, null),
            invalid("key or query")),
        row("getJobUpdateDetails(key without job)", a -> a.getJobUpdateDetails(
            new JobUpdateKey().setId("x"), null), invalid("key.job")),
        row("getJobUpdateDetails(key without id)", a -> a.getJobUpdateDetails(
            new JobUpdateKey().setJob(JOB), null), invalid("key.id")),
        row("getJobUpdateDetails(unknown key)", a -> a.getJobUpdateDetails(
            new JobUpdateKey(JOB, "x"), null), invalid("Invalid update")),
        row("getJobUpdateDetails(null, empty query)", a -> a.getJobUpdateDetails(null,
            new JobUpdateQuery()), okUnchecked()),
        row("getJobUpdateDiff(null)", a -> a.getJobUpdateDiff(null), invalid("request")),
        row("getJobUpdateDiff(no taskConfig)", a -> a.getJobUpdateDiff(new JobUpdateRequest()),
            invalid("taskConfig")),
        row("populateJobConfig(null)", a -> a.populateJobConfig(null), invalid("job configuration")),
        row("populateJobConfig(taskConfig.job malformed)", a -> a.populateJobConfig(broken(
            j -> j.getTaskConfig().setJob(new JobKey("a b", "prod", "hello")))),
            invalid("taskConfig.job")));
  }

  static Stream<Object[]> writeCases() {
    return Stream.of(
        row("createJob(null)", a -> a.createJob(null), invalid("job configuration")),
        row("createJob(key null)", a -> a.createJob(broken(j -> j.unsetKey())), invalid("job key")),
        row("createJob(role null)", a -> a.createJob(broken(j -> j.getKey().unsetRole())),
            invalid("role")),
        row("createJob(role empty)", a -> a.createJob(broken(j -> j.getKey().setRole(""))),
            invalid("role")),
        row("createJob(role malformed)", a -> a.createJob(broken(j -> j.getKey().setRole("a/b"))),
            invalid("role")),
        row("createJob(taskConfig.job role malformed)", a -> a.createJob(broken(
            j -> j.getTaskConfig().setJob(new JobKey("", "prod", "hello")))),
            invalid("taskConfig.job")),
        row("createJob(instanceCount MAX)", a -> a.createJob(broken(j -> j.setInstanceCount(MAX))),
            invalid("instanceCount")),
        row("createJob(instanceCount MIN)", a -> a.createJob(broken(j -> j.setInstanceCount(MIN))),
            invalid("instanceCount")),
        row("createJob(taskConfig null)", a -> a.createJob(broken(j -> j.unsetTaskConfig())),
            invalid("taskConfig")),
        row("createJob(numCpus infinite)", a -> a.createJob(broken(j -> replaceCpus(j,
            Double.POSITIVE_INFINITY))), invalid("numCpus")),
        row("createJob(numCpus NaN)", a -> a.createJob(broken(j -> replaceCpus(j, Double.NaN))),
            invalid("numCpus")),
        row("createJob(container empty)", a -> a.createJob(broken(
            j -> j.getTaskConfig().setContainer(new Container()))), invalid("container")),
        row("createJob(container image empty)", a -> a.createJob(broken(
            j -> j.getTaskConfig().setContainer(Container.mesos(
                new MesosContainer().setImage(new Image()))))), invalid("container.mesos.image")),
        row("createJob(constraint empty)", a -> a.createJob(broken(j -> j.getTaskConfig()
            .addToConstraints(new Constraint("rack", new TaskConstraint())))),
            invalid("constraints")),
        row("createJob(value constraint without values)", a -> a.createJob(broken(
            j -> j.getTaskConfig().addToConstraints(new Constraint("rack",
                TaskConstraint.value(new ValueConstraint().setNegated(false)))))),
            invalid("constraints")),
        row("createJob(metadata without value)", a -> a.createJob(broken(
            j -> j.getTaskConfig().addToMetadata(new Metadata().setKey("k")))), invalid("metadata")),
        row("createJob(slaPolicy empty)", a -> a.createJob(broken(
            j -> j.getTaskConfig().setSlaPolicy(new SlaPolicy()))), invalid("slaPolicy")),
        row("createJob(slaPolicy longer than -max_sla_duration_secs)", a -> a.createJob(broken(
            j -> j.getTaskConfig().setSlaPolicy(SlaPolicy.countSlaPolicy(
                new CountSlaPolicy(1, 7201))))), invalid("exceeds the maximum of 7200")),
        row("createJob(slaPolicy negative duration)", a -> a.createJob(broken(
            j -> j.getTaskConfig().setSlaPolicy(SlaPolicy.percentageSlaPolicy(
                new PercentageSlaPolicy(50, -1))))), invalid("durationSecs must not be negative")),
        row("killTasks(null job)", a -> a.killTasks(null, Set.of(), null), invalid("job key")),
        row("killTasks(key fields empty)", a -> a.killTasks(new JobKey("", "", ""), null, null),
            invalid("role")),
        row("killTasks(no such job)", a -> a.killTasks(JobKeys.from("www", "prod", "other"),
            null, null), okUnchecked()),
        row("killTasks(instance -1)", a -> a.killTasks(JOB, Set.of(-1), null), invalid("instances")),
        row("restartShards(null job)", a -> a.restartShards(null, Set.of(0)), invalid("job key")),
        row("restartShards(shard -1)", a -> a.restartShards(JOB, Set.of(-1)), invalid("shardIds")),
        row("restartShards(null shards)", a -> a.restartShards(JOB, null), invalid("shardIds")),
        row("restartShards(no shards)", a -> a.restartShards(JOB, Set.of()), invalid("shardIds")),
        row("addInstances(null key)", a -> a.addInstances(null, 1), invalid("key")),
        row("addInstances(instance -1)", a -> a.addInstances(new InstanceKey(JOB, -1), 1),
            invalid("instanceId")),
        row("addInstances(count 0)", a -> a.addInstances(new InstanceKey(JOB, 1), 0),
            invalid("count")),
        row("addInstances(count MIN)", a -> a.addInstances(new InstanceKey(JOB, 1), MIN),
            invalid("count")),
        row("addInstances(count MAX, would overflow)",
            a -> a.addInstances(new InstanceKey(JOB, 1), Integer.MAX_VALUE), invalid("count")),
        row("startJobUpdate(null)", a -> a.startJobUpdate(null, null), invalid("request")),
        row("startJobUpdate(no settings)", a -> a.startJobUpdate(new JobUpdateRequest()
            .setTaskConfig(job().getTaskConfig().setJob(JOB.deepCopy())).setInstanceCount(3),
            null), invalid("settings")),
        row("startJobUpdate(instanceCount 0)", a -> a.startJobUpdate(new JobUpdateRequest()
            .setTaskConfig(job().getTaskConfig().setJob(JOB.deepCopy())).setInstanceCount(0),
            null), invalid("instanceCount")),
        row("pauseJobUpdate(null)", a -> a.pauseJobUpdate(null, null), invalid("key")),
        row("resumeJobUpdate(no id)", a -> a.resumeJobUpdate(new JobUpdateKey(JOB, ""), null),
            invalid("key.id")),
        row("abortJobUpdate(job malformed)",
            a -> a.abortJobUpdate(new JobUpdateKey(new JobKey("a b", "prod", "x"), "id"), null),
            invalid("key.job")),
        row("rollbackJobUpdate(unknown)",
            a -> a.rollbackJobUpdate(new JobUpdateKey(JOB, "nope"), null), invalid("nope")),
        row("pulseJobUpdate(unknown)", a -> a.pulseJobUpdate(new JobUpdateKey(JOB, "nope")),
            invalid("nope")),
        row("forceTaskState(null id)", a -> a.forceTaskState(null, ScheduleStatus.KILLED),
            invalid("taskId")),
        row("forceTaskState(empty id)", a -> a.forceTaskState("", ScheduleStatus.KILLED),
            invalid("taskId")),
        row("forceTaskState(null status)", a -> a.forceTaskState("x", null), invalid("status")),
        row("forceTaskState(unknown task)", a -> a.forceTaskState("nope", ScheduleStatus.KILLED),
            okUnchecked()),
        row("pruneTasks(null)", a -> a.pruneTasks(null), invalid("query")),
        row("pruneTasks(offset -1)", a -> a.pruneTasks(query().setOffset(-1)),
            invalid("query.offset")),
        row("pruneTasks(limit -1)", a -> a.pruneTasks(query().setLimit(-1)), invalid("query.limit")),
        row("pruneTasks(statuses {RUNNING})",
            a -> a.pruneTasks(query().setStatuses(Set.of(ScheduleStatus.RUNNING))),
            invalid("query.statuses")),
        row("triggerExplicitTaskReconciliation(batch 0)",
            a -> a.triggerExplicitTaskReconciliation(batch(0)), invalid("batchSize")),
        row("triggerExplicitTaskReconciliation(batch MIN)",
            a -> a.triggerExplicitTaskReconciliation(batch(MIN)), invalid("batchSize")),
        row("triggerExplicitTaskReconciliation(batch MAX)",
            a -> a.triggerExplicitTaskReconciliation(batch(MAX)), okUnchecked()),
        row("triggerExplicitTaskReconciliation(null)",
            a -> a.triggerExplicitTaskReconciliation(null), okUnchecked()),
        row("triggerImplicitTaskReconciliation()",
            AuroraAdminService::triggerImplicitTaskReconciliation, okUnchecked()));
  }

  static ExplicitReconciliationSettings batch(int size) {
    return new ExplicitReconciliationSettings().setBatchSize(size);
  }

  static void replaceCpus(JobConfiguration j, double cpus) {
    j.getTaskConfig().getResources().removeIf(Resource::isSetNumCpus);
    j.getTaskConfig().addToResources(Resource.numCpus(cpus));
  }

  @Test
  void pruneTasks_honoursLimit_andLimitZeroPrunesNothing() {
    assertThat(api.pruneTasks(query().setLimit(0)).getResponseCode()).isEqualTo(ResponseCode.OK);
    assertThat(api.pruneTasks(query().setOffset(MAX).setLimit(MAX)).getResponseCode())
        .isEqualTo(ResponseCode.OK);
    assertThat(all()).hasSize(taskCount);
    assertThat(api.pruneTasks(query().setLimit(MAX)).getResponseCode()).isEqualTo(ResponseCode.OK);
    assertThat(all()).hasSize(taskCount - 1).noneMatch(t -> t.getStatus() == ScheduleStatus.FINISHED);
  }

  @Test
  void checkInstanceIds_refusesNegativeIds_forKillTasksAndRestartShards() {
    assertThat(RequestChecks.checkInstanceIds("instances", null)).isNull();
    assertThat(RequestChecks.checkInstanceIds("instances", Set.of(0, 7))).containsOnly(0, 7);
    assertThatThrownBy(() -> RequestChecks.checkInstanceIds("instances", Set.of(1, -1)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("instances")
        .hasMessageContaining("-1");
    Set<Integer> withNull = new HashSet<>();
    withNull.add(null);
    assertThatThrownBy(() -> RequestChecks.checkInstanceIds("shardIds", withNull))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("shardIds");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsExpected(String name, Function<AuroraAdminService, Response> call, Expect expect) {
    Map<String, ScheduleStatus> before = statuses();
    Response r = call.apply(api);
    assertThat(r.getResponseCode()).as("%s: %s", name, r.getDetails()).isEqualTo(expect.code());
    assertThat(r.getServerInfo().getClusterName()).isEqualTo("test-cluster");
    if (expect.code() == ResponseCode.INVALID_REQUEST) {
      assertThat(r.getDetails()).as(name).isNotEmpty();
      assertThat(r.getDetails().get(0).getMessage()).as(name).contains(expect.field());
      assertThat(statuses()).as("%s left the tasks alone", name).isEqualTo(before);
    } else {
      expect.check().accept(new Fixture(r, taskCount));
    }
  }
}
