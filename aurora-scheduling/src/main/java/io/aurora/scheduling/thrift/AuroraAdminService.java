package io.aurora.scheduling.thrift;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.ExplicitReconciliationSettings;
import io.aurora.gen.Hosts;
import io.aurora.gen.InstanceKey;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ServerInfo;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskQuery;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.storage.Storage;
import io.aurora.storage.TransientStorageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AuroraAdmin.Iface}: a facade that hands each method to its area and turns the outcome
 * into a {@link Response} with {@code serverInfo}. Caller mistakes become INVALID_REQUEST, a
 * change to a job that an update owns JOB_UPDATING_ERROR, a storage that is not ready
 * ERROR_TRANSIENT (the client retries), anything else ERROR with the exception's message: nothing
 * a caller sends escapes as an exception.
 */
public final class AuroraAdminService implements AuroraAdmin.Iface {
  private static final Logger LOG = LoggerFactory.getLogger(AuroraAdminService.class);
  private static final String MAINTENANCE = "host maintenance calls";
  private static final String BACKUPS = "backups and recovery";

  private final ApiOptions options;
  private final ReadApi read;
  private final UpdateReadApi updateReads;
  private final JobsApi jobs;
  private final CronApi cron;
  private final UpdatesApi updates;
  private final QuotaApi quota;
  private final AdminApi admin;
  private final Optional<BackupApi> backups;
  private final Optional<MaintenanceApi> maintenance;
  private final Map<ResponseCode, Counter> responses;
  /** Recorded as the actor of kills, restarts, forced transitions and update events. */
  private final String user;

  public AuroraAdminService(ApiOptions options, ReadApi read, UpdateReadApi updateReads,
      JobsApi jobs, CronApi cron, UpdatesApi updates, QuotaApi quota, AdminApi admin,
      MeterRegistry registry) {
    this(options, read, updateReads, jobs, cron, updates, quota, admin, Optional.empty(),
        Optional.empty(), registry);
  }

  /** @param backups backups and recovery, if the storage supports them */
  public AuroraAdminService(ApiOptions options, ReadApi read, UpdateReadApi updateReads,
      JobsApi jobs, CronApi cron, UpdatesApi updates, QuotaApi quota, AdminApi admin,
      Optional<BackupApi> backups, MeterRegistry registry) {
    this(options, read, updateReads, jobs, cron, updates, quota, admin, backups,
        Optional.empty(), registry);
  }

  /** With the host maintenance calls. */
  public AuroraAdminService(ApiOptions options, ReadApi read, UpdateReadApi updateReads,
      JobsApi jobs, CronApi cron, UpdatesApi updates, QuotaApi quota, AdminApi admin,
      MeterRegistry registry, MaintenanceApi maintenance) {
    this(options, read, updateReads, jobs, cron, updates, quota, admin, Optional.empty(),
        Optional.of(maintenance), registry);
  }

  /**
   * @param backups backups and recovery, if the storage supports them
   * @param maintenance the host maintenance calls, if wired (else they answer ERROR)
   */
  public AuroraAdminService(ApiOptions options, ReadApi read, UpdateReadApi updateReads,
      JobsApi jobs, CronApi cron, UpdatesApi updates, QuotaApi quota, AdminApi admin,
      Optional<BackupApi> backups, Optional<MaintenanceApi> maintenance,
      MeterRegistry registry) {
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    this.options = Objects.requireNonNull(options, "options");
    this.read = Objects.requireNonNull(read, "read");
    this.updateReads = Objects.requireNonNull(updateReads, "updateReads");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.cron = Objects.requireNonNull(cron, "cron");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.quota = Objects.requireNonNull(quota, "quota");
    this.admin = Objects.requireNonNull(admin, "admin");
    this.backups = Objects.requireNonNull(backups, "backups");
    this.responses = new EnumMap<>(ResponseCode.class);
    for (ResponseCode code : ResponseCode.values()) {
      responses.put(code, registry.counter("scheduler_thrift_response_" + code.name()));
    }
    this.user = JobsApi.UNAUTHENTICATED_USER;
  }

  private AuroraAdminService(AuroraAdminService same, String user) {
    this.options = same.options;
    this.read = same.read;
    this.updateReads = same.updateReads;
    this.jobs = same.jobs;
    this.cron = same.cron;
    this.updates = same.updates;
    this.quota = same.quota;
    this.admin = same.admin;
    this.backups = same.backups;
    this.maintenance = same.maintenance;
    this.responses = same.responses;
    this.user = Objects.requireNonNull(user, "user");
  }

  /**
   * The same API, recording {@code user} (an authenticated caller) wherever Aurora records who
   * acted. Cheap: one per call is fine. Without it the user is {@value
   * JobsApi#UNAUTHENTICATED_USER}, as in Aurora with authentication off.
   */
  public AuroraAdminService actingFor(String user) {
    return new AuroraAdminService(this, user);
  }

  /**
   * The API over a running {@link SchedulerRuntime}: the usual way to build it.
   *
   * @param snapshotter takes a storage snapshot for the {@code snapshot} call, if supported
   */
  public static AuroraAdminService of(ApiOptions options, Storage storage, SchedulerRuntime runtime,
      Optional<Runnable> snapshotter, MeterRegistry registry) {
    return of(options, storage, runtime, snapshotter, Optional.empty(), registry);
  }

  /** As {@link #of(ApiOptions, Storage, SchedulerRuntime, Optional, MeterRegistry)}, with backups. */
  public static AuroraAdminService of(ApiOptions options, Storage storage, SchedulerRuntime runtime,
      Optional<Runnable> snapshotter, Optional<BackupApi> backups, MeterRegistry registry) {
    return new AuroraAdminService(options,
        new ReadApi(storage, options, runtime.loop()::pendingReasons, runtime.cron()::nextRun),
        new UpdateReadApi(storage),
        new JobsApi(runtime.writer(), options),
        new CronApi(runtime.writer(), options, runtime.cron()),
        new UpdatesApi(runtime.updates(), options),
        new QuotaApi(runtime.writer()),
        new AdminApi(runtime.writer(), runtime.reconciler(), snapshotter,
            runtime.reconcileBatchSize()), backups,
        Optional.of(new MaintenanceApi(runtime.maintenance())), registry);
  }

  /**
   * A response decided before any area ran (an authorization refusal), counted and carrying
   * {@code serverInfo} like every other.
   */
  public Response refusal(ResponseCode code, String message) {
    return call("refusal", () -> Responses.withCode(code, message));
  }

  private Response call(String method, Supplier<Response> body) {
    Response response;
    try {
      response = body.get();
    } catch (InvalidRequestException e) {
      response = Responses.withCode(ResponseCode.INVALID_REQUEST, e.getMessage());
    } catch (JobUpdatingException e) {
      response = Responses.withCode(ResponseCode.JOB_UPDATING_ERROR, e.getMessage());
    } catch (TransientStorageException e) {
      response = Responses.withCode(ResponseCode.ERROR_TRANSIENT,
          "Storage is not ready: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("{} failed", method, e);
      response = Responses.withCode(ResponseCode.ERROR,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    responses.get(response.getResponseCode()).increment();
    return response.setServerInfo(
        new ServerInfo().setClusterName(options.clusterName())
            .setStatsUrlPrefix(options.statsUrlPrefix()));
  }

  // ReadOnlyScheduler

  @Override
  public Response getRoleSummary() {
    return call("getRoleSummary", read::getRoleSummary);
  }

  @Override
  public Response getJobSummary(String role) {
    return call("getJobSummary", () -> read.getJobSummary(role));
  }

  @Override
  public Response getTasksStatus(TaskQuery query) {
    return call("getTasksStatus", () -> read.getTasksStatus(query));
  }

  @Override
  public Response getTasksWithoutConfigs(TaskQuery query) {
    return call("getTasksWithoutConfigs", () -> read.getTasksWithoutConfigs(query));
  }

  @Override
  public Response getPendingReason(TaskQuery query) {
    return call("getPendingReason", () -> read.getPendingReason(query));
  }

  @Override
  public Response getConfigSummary(JobKey job) {
    return call("getConfigSummary", () -> read.getConfigSummary(job));
  }

  @Override
  public Response getJobs(String ownerRole) {
    return call("getJobs", () -> read.getJobs(ownerRole));
  }

  @Override
  public Response getQuota(String ownerRole) {
    return call("getQuota", () -> quota.getQuota(ownerRole));
  }

  @Override
  public Response populateJobConfig(JobConfiguration description) {
    return call("populateJobConfig", () -> jobs.populateJobConfig(description));
  }

  @Override
  public Response getJobUpdateSummaries(JobUpdateQuery query) {
    return call("getJobUpdateSummaries", () -> updateReads.getJobUpdateSummaries(query));
  }

  @Override
  public Response getJobUpdateDetails(JobUpdateKey key, JobUpdateQuery query) {
    return call("getJobUpdateDetails", () -> updateReads.getJobUpdateDetails(key, query));
  }

  @Override
  public Response getJobUpdateDiff(JobUpdateRequest request) {
    return call("getJobUpdateDiff", () -> updates.getJobUpdateDiff(request));
  }

  @Override
  public Response getTierConfigs() {
    return call("getTierConfigs", read::getTierConfigs);
  }

  // AuroraSchedulerManager

  @Override
  public Response createJob(JobConfiguration description) {
    return call("createJob", () -> jobs.createJob(description));
  }

  @Override
  public Response scheduleCronJob(JobConfiguration description) {
    return call("scheduleCronJob", () -> cron.scheduleCronJob(description));
  }

  @Override
  public Response descheduleCronJob(JobKey job) {
    return call("descheduleCronJob", () -> cron.descheduleCronJob(job));
  }

  @Override
  public Response startCronJob(JobKey job) {
    return call("startCronJob", () -> cron.startCronJob(job));
  }

  @Override
  public Response restartShards(JobKey job, Set<Integer> shardIds) {
    return call("restartShards", () -> jobs.restartShards(job, shardIds, user));
  }

  @Override
  public Response killTasks(JobKey job, Set<Integer> instances, String message) {
    return call("killTasks", () -> jobs.killTasks(job, instances, message, user));
  }

  @Override
  public Response addInstances(InstanceKey key, int count) {
    return call("addInstances", () -> jobs.addInstances(key, count));
  }

  @Override
  public Response replaceCronTemplate(JobConfiguration config) {
    return call("replaceCronTemplate", () -> cron.replaceCronTemplate(config));
  }

  @Override
  public Response startJobUpdate(JobUpdateRequest request, String message) {
    return call("startJobUpdate", () -> updates.startJobUpdate(request, message, user));
  }

  @Override
  public Response pauseJobUpdate(JobUpdateKey key, String message) {
    return call("pauseJobUpdate", () -> updates.pauseJobUpdate(key, message, user));
  }

  @Override
  public Response resumeJobUpdate(JobUpdateKey key, String message) {
    return call("resumeJobUpdate", () -> updates.resumeJobUpdate(key, message, user));
  }

  @Override
  public Response abortJobUpdate(JobUpdateKey key, String message) {
    return call("abortJobUpdate", () -> updates.abortJobUpdate(key, message, user));
  }

  @Override
  public Response rollbackJobUpdate(JobUpdateKey key, String message) {
    return call("rollbackJobUpdate", () -> updates.rollbackJobUpdate(key, message, user));
  }

  @Override
  public Response pulseJobUpdate(JobUpdateKey key) {
    return call("pulseJobUpdate", () -> updates.pulseJobUpdate(key));
  }

  // AuroraAdmin

  @Override
  public Response setQuota(String ownerRole, ResourceAggregate resourceAggregate) {
    return call("setQuota", () -> quota.setQuota(ownerRole, resourceAggregate));
  }

  @Override
  public Response forceTaskState(String taskId, ScheduleStatus status) {
    return call("forceTaskState", () -> admin.forceTaskState(taskId, status, user));
  }

  @Override
  public Response performBackup() {
    return call("performBackup", () -> backups.map(b -> b.performBackup())
        .orElseGet(() -> notWired("performBackup", BACKUPS)));
  }

  @Override
  public Response listBackups() {
    return call("listBackups", () -> backups.map(b -> b.listBackups())
        .orElseGet(() -> notWired("listBackups", BACKUPS)));
  }

  @Override
  public Response stageRecovery(String backupId) {
    return call("stageRecovery", () -> backups.map(b -> b.stageRecovery(backupId))
        .orElseGet(() -> notWired("stageRecovery", BACKUPS)));
  }

  @Override
  public Response queryRecovery(TaskQuery query) {
    return call("queryRecovery", () -> backups.map(b -> b.queryRecovery(query))
        .orElseGet(() -> notWired("queryRecovery", BACKUPS)));
  }

  @Override
  public Response deleteRecoveryTasks(TaskQuery query) {
    return call("deleteRecoveryTasks", () -> backups.map(b -> b.deleteRecoveryTasks(query))
        .orElseGet(() -> notWired("deleteRecoveryTasks", BACKUPS)));
  }

  @Override
  public Response commitRecovery() {
    return call("commitRecovery", () -> backups.map(b -> b.commitRecovery())
        .orElseGet(() -> notWired("commitRecovery", BACKUPS)));
  }

  @Override
  public Response unloadRecovery() {
    return call("unloadRecovery", () -> backups.map(b -> b.unloadRecovery())
        .orElseGet(() -> notWired("unloadRecovery", BACKUPS)));
  }

  @Override
  public Response startMaintenance(Hosts hosts) {
    return call("startMaintenance", () -> maintenance().startMaintenance(hosts));
  }

  @Override
  public Response drainHosts(Hosts hosts) {
    return call("drainHosts", () -> maintenance().drainHosts(hosts));
  }

  @Override
  public Response maintenanceStatus(Hosts hosts) {
    return call("maintenanceStatus", () -> maintenance().maintenanceStatus(hosts));
  }

  @Override
  public Response endMaintenance(Hosts hosts) {
    return call("endMaintenance", () -> maintenance().endMaintenance(hosts));
  }

  @Override
  public Response slaDrainHosts(Hosts hosts, SlaPolicy defaultSlaPolicy, long timeoutSecs) {
    return call("slaDrainHosts",
        () -> maintenance().slaDrainHosts(hosts, defaultSlaPolicy, timeoutSecs));
  }

  /** The answer of a call whose area the embedder did not assemble into this scheduler. */
  private static Response notWired(String method, String capability) {
    return Responses.withCode(ResponseCode.ERROR,
        method + " is not available: " + capability + " are not wired into this scheduler");
  }

  private MaintenanceApi maintenance() {
    return maintenance.orElseThrow(() -> new IllegalStateException(
        MAINTENANCE + " are not wired into this scheduler"));
  }

  @Override
  public Response snapshot() {
    return call("snapshot", admin::snapshot);
  }

  @Override
  public Response triggerExplicitTaskReconciliation(ExplicitReconciliationSettings settings) {
    return call("triggerExplicitTaskReconciliation",
        () -> admin.triggerExplicitTaskReconciliation(settings));
  }

  @Override
  public Response triggerImplicitTaskReconciliation() {
    return call("triggerImplicitTaskReconciliation", admin::triggerImplicitTaskReconciliation);
  }

  @Override
  public Response pruneTasks(TaskQuery query) {
    return call("pruneTasks", () -> admin.pruneTasks(query));
  }
}
