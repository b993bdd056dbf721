package io.aurora.scheduling.updater;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.reconcile.TaskReconciler;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * A job and its updates driven through the Thrift API, on the scheduler harness (real storage,
 * fake driver, fake clock, synchronous): the test plays Mesos, confirming kills, placing pending
 * tasks on fresh agents and reporting them RUNNING (or FAILED, for a bad version).
 */
final class UpdateScenario {
  static final JobKey JOB = JobKeys.from("www", "prod", "web");

  final SchedulerHarness h;
  final AuroraAdminService api;
  private int agents;

  UpdateScenario() {
    this(new SchedulerHarness());
  }

  UpdateScenario(SchedulerHarness h) {
    this.h = h;
    h.startUpdates();
    ApiOptions options = new ApiOptions("test-cluster", "", ApiOptions.DEFAULT_ENVIRONMENTS,
        4000, TierSettings.DEFAULTS);
    TaskReconciler reconciler =
        new TaskReconciler(h.storage, h.driver, h.clock, h.timers, ReconcileOptions.DEFAULTS);
    CronTriggers cron = h.cronOn(h.writer, CronOptions.DEFAULTS, h.registry);
    api = new AuroraAdminService(options,
        new ReadApi(h.storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(h.storage), new JobsApi(h.writer, options),
        new CronApi(h.writer, options, cron), new UpdatesApi(h.updates, options),
        new QuotaApi(h.writer), new AdminApi(h.writer, reconciler, Optional.empty(), 1000),
        h.registry);
  }

  /** A service config of the job; versions differ in their executor data. */
  static TaskConfig config(String version) {
    TaskConfig c = Fixtures.config("www", "web", 0.5, 128, 10);
    c.setExecutorConfig(new ExecutorConfig("AuroraExecutor", "{\"version\":\"" + version + "\"}"));
    c.setOwner(new Identity().setUser("www"));
    return c;
  }

  /** Queue strategy of {@code groupSize}, a watch, no failures tolerated, roll back on failure. */
  static JobUpdateSettings settings(int groupSize, Duration watch) {
    return new JobUpdateSettings()
        .setUpdateGroupSize(groupSize)
        .setUpdateStrategy(JobUpdateStrategy.queueStrategy(new QueueJobUpdateStrategy(groupSize)))
        .setMaxPerInstanceFailures(0)
        .setMaxFailedInstances(0)
        .setMinWaitInInstanceRunningMs((int) watch.toMillis())
        .setRollbackOnFailure(true);
  }

  static JobUpdateRequest request(String version, int instances, JobUpdateSettings settings) {
    return new JobUpdateRequest(config(version), instances, settings);
  }

  /** Creates the job with {@code instances} of {@code version}, all RUNNING for 5 minutes. */
  void createJob(int instances, String version) {
    ok(api.createJob(new JobConfiguration().setKey(JOB.deepCopy())
        .setOwner(new Identity().setUser("www")).setTaskConfig(config(version))
        .setInstanceCount(instances)));
    runPending();
    h.advance(Duration.ofMinutes(5));
  }

  static Response ok(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    return r;
  }

  /** Starts an update; returns its key. */
  JobUpdateKey start(JobUpdateRequest request) {
    Response r = ok(api.startJobUpdate(request, "deploying"));
    return r.getResult().getStartJobUpdateResult().getKey();
  }

  /** Places every PENDING task of the job on a fresh agent and reports them RUNNING at once. */
  void runPending() {
    place();
    report(ScheduleStatus.ASSIGNED, t -> true, TaskState.TASK_RUNNING);
  }

  /** Places every PENDING task of the job on a fresh agent (they stay ASSIGNED). */
  void place() {
    if (!tasks(ScheduleStatus.PENDING).isEmpty()) {
      h.offer("agent-" + (++agents), 64, 65536);
      h.loop.runOnce();
    }
  }

  /** Places pending tasks and reports those of {@code version} FAILED, the others RUNNING. */
  void runPendingFailing(String version) {
    place();
    report(ScheduleStatus.ASSIGNED, t -> version(t).equals(version), TaskState.TASK_FAILED);
    report(ScheduleStatus.ASSIGNED, t -> true, TaskState.TASK_RUNNING);
  }

  /** Reports {@code state} for the job's tasks of {@code instance} in {@code status}. */
  void report(ScheduleStatus status, int instance, TaskState state) {
    report(status, t -> t.getAssignedTask().getInstanceId() == instance, state);
  }

  /** Confirms every kill: KILLING tasks become KILLED. */
  void confirmKills() {
    report(ScheduleStatus.KILLING, t -> true, TaskState.TASK_KILLED);
  }

  /** Reports {@code state} for the job's tasks in {@code status} that match, in one batch. */
  void report(ScheduleStatus status, Predicate<ScheduledTask> which, TaskState state) {
    List<ScheduledTask> matching = tasks(status).stream().filter(which).toList();
    if (matching.isEmpty()) {
      return;
    }
    h.statusUpdates.pause();
    matching.forEach(t -> h.update(t.getAssignedTask().getTaskId(), state));
    h.statusUpdates.resume();
  }

  /**
   * Plays Mesos until the update ends or {@code rounds} rounds passed: each round confirms kills,
   * runs pending tasks and lets {@code step} of time pass.
   */
  JobUpdateStatus drive(JobUpdateKey key, Duration step, int rounds) {
    for (int i = 0; i < rounds && isActive(status(key)); i++) {
      confirmKills();
      runPending();
      h.advance(step);
    }
    return status(key);
  }

  static boolean isActive(JobUpdateStatus s) {
    return io.aurora.scheduling.update.UpdateStatusMachine.isActive(s);
  }

  List<ScheduledTask> tasks(ScheduleStatus... statuses) {
    return h.storage.read(s -> s.taskStore().fetchTasks(statuses.length == 0
        ? TaskQueries.byJob(JOB).build()
        : TaskQueries.byJob(JOB).statuses(List.of(statuses)).build()));
  }

  /** The version of each active instance (the newest task if an instance has two). */
  Map<Integer, String> versions() {
    Map<Integer, String> out = new TreeMap<>();
    for (ScheduledTask t : h.storage.read(s -> s.taskStore().fetchTasks(
        TaskQueries.byJob(JOB).statuses(Tasks.ACTIVE_STATES).build()))) {
      out.put(t.getAssignedTask().getInstanceId(), version(t) + ":" + t.getStatus());
    }
    return out;
  }

  static String version(ScheduledTask t) {
    String data = t.getAssignedTask().getTask().getExecutorConfig().getData();
    return data.replaceAll(".*\"version\":\"([^\"]*)\".*", "$1");
  }

  JobUpdateDetails details(JobUpdateKey key) {
    return h.storage.read(s -> s.jobUpdateStore().fetchJobUpdate(key)).orElseThrow();
  }

  JobUpdateStatus status(JobUpdateKey key) {
    return details(key).getUpdate().getSummary().getState().getStatus();
  }

  List<JobUpdateStatus> statuses(JobUpdateKey key) {
    return details(key).getUpdateEvents().stream().map(JobUpdateEvent::getStatus).toList();
  }

  /** The instance events, as "instance:ACTION". */
  List<String> instanceEvents(JobUpdateKey key) {
    List<String> out = new ArrayList<>();
    for (JobInstanceUpdateEvent e : details(key).getInstanceEvents()) {
      out.add(e.getInstanceId() + ":" + e.getAction());
    }
    return out;
  }

  /** The instances with an event of {@code action}, in event order. */
  List<Integer> instancesWith(JobUpdateKey key, JobUpdateAction action) {
    return details(key).getInstanceEvents().stream().filter(e -> e.getAction() == action)
        .map(JobInstanceUpdateEvent::getInstanceId).toList();
  }

  /** How many kills were sent to Mesos for each task id. */
  Map<String, Integer> killsSent() {
    Map<String, Integer> out = new TreeMap<>();
    for (Call c : h.driver.calls(Call.Type.KILL)) {
      out.merge(c.getKill().getTaskId().getValue(), 1, Integer::sum);
    }
    return out;
  }

  /** Tasks of the job that were ever moved to KILLING with the update's kill message. */
  List<ScheduledTask> killedBy(JobUpdateKey key) {
    String message = "Killed for job update " + key.getId();
    return tasks().stream().filter(t -> t.getTaskEvents().stream()
        .anyMatch(e -> e.getStatus() == ScheduleStatus.KILLING && message.equals(e.getMessage())))
        .toList();
  }

  double counter(String name) {
    return h.registry.counter(name).count();
  }

  static long lastEvent(ScheduledTask t) {
    List<TaskEvent> events = t.getTaskEvents();
    return events.get(events.size() - 1).getTimestamp();
  }
}
