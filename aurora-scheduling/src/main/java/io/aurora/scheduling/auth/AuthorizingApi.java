package io.aurora.scheduling.auth;

import io.aurora.api.JobKeys;
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
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskQuery;
import io.aurora.scheduling.thrift.AuroraAdminService;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The API for one caller: each state-changing method checks the caller's permission, then runs
 * the service (which records the caller as the actor), and writes an audit line; reads pass
 * straight through. Hand-written rather than an interceptor, so that what each method is
 * authorized against is visible here, next to the method.
 *
 * <p>Job calls are scoped by the job key their request names, as in Aurora: the key of a {@code
 * JobConfiguration}, an {@code InstanceKey}, a {@code JobUpdateKey}, or the task config of a
 * {@code JobUpdateRequest}. A request without a usable key cannot be scoped: only a caller who
 * may call the method on every job gets past (to the service's own validation); anyone else gets
 * INVALID_REQUEST. A key is checked to be made of good identifiers before it is put into a
 * permission, so that a ':' or ',' in a name cannot widen or shift what is asked for.
 */
final class AuthorizingApi implements AuroraAdmin.Iface {
  private final Caller caller;
  private final AuroraAdminService api;
  private final AuditLog audit;

  AuthorizingApi(Caller caller, AuroraAdminService api, AuditLog audit) {
    this.caller = caller;
    this.api = api;
    this.audit = audit;
  }

  private Response job(String method, JobKey key, Supplier<Response> body) {
    Response refused = refuseJobCall(method, key);
    Response response = refused != null ? refused : body.get();
    audit.record(caller.name(), method, JobKeys.isValid(key) ? JobKeys.canonicalString(key) : null,
        response.getResponseCode());
    return response;
  }

  private Response refuseJobCall(String method, JobKey key) {
    if (!caller.authenticated()) {
      return unauthenticated(method);
    }
    if (!JobKeys.isValid(key)) {
      if (caller.isPermitted(ApiMethods.anyJobPermission(method))) {
        return null;   // the service explains what is wrong with the request
      }
      return api.refusal(ResponseCode.INVALID_REQUEST, method + " needs a valid job key (role, "
          + "environment and name) to check the caller's permission");
    }
    String permission = ApiMethods.jobPermission(method, key.getRole(), key.getEnvironment(),
        key.getName());
    return caller.isPermitted(permission) ? null : denied(method, permission);
  }

  private Response admin(String method, String target, Supplier<Response> body) {
    String permission = ApiMethods.adminPermission(method);
    Response response;
    if (!caller.authenticated()) {
      response = unauthenticated(method);
    } else if (!caller.isPermitted(permission)) {
      response = denied(method, permission);
    } else {
      response = body.get();
    }
    audit.record(caller.name(), method, target, response.getResponseCode());
    return response;
  }

  private Response unauthenticated(String method) {
    return api.refusal(ResponseCode.AUTH_FAILED, "Authentication required: " + method
        + " changes the scheduler's state; send credentials with the call");
  }

  private Response denied(String method, String permission) {
    return api.refusal(ResponseCode.AUTH_FAILED, "User " + caller.name()
        + " is not permitted to call " + method + ": missing permission " + permission);
  }

  private static JobKey keyOf(JobConfiguration config) {
    return config == null ? null : config.getKey();
  }

  private static JobKey keyOf(JobUpdateKey key) {
    return key == null ? null : key.getJob();
  }

  // ReadOnlyScheduler: open to everyone.

  @Override
  public Response getRoleSummary() {
    return api.getRoleSummary();
  }

  @Override
  public Response getJobSummary(String role) {
    return api.getJobSummary(role);
  }

  @Override
  public Response getTasksStatus(TaskQuery query) {
    return api.getTasksStatus(query);
  }

  @Override
  public Response getTasksWithoutConfigs(TaskQuery query) {
    return api.getTasksWithoutConfigs(query);
  }

  @Override
  public Response getPendingReason(TaskQuery query) {
    return api.getPendingReason(query);
  }

  @Override
  public Response getConfigSummary(JobKey job) {
    return api.getConfigSummary(job);
  }

  @Override
  public Response getJobs(String ownerRole) {
    return api.getJobs(ownerRole);
  }

  @Override
  public Response getQuota(String ownerRole) {
    return api.getQuota(ownerRole);
  }

  @Override
  public Response populateJobConfig(JobConfiguration description) {
    return api.populateJobConfig(description);
  }

  @Override
  public Response getJobUpdateSummaries(JobUpdateQuery query) {
    return api.getJobUpdateSummaries(query);
  }

  @Override
  public Response getJobUpdateDetails(JobUpdateKey key, JobUpdateQuery query) {
    return api.getJobUpdateDetails(key, query);
  }

  @Override
  public Response getJobUpdateDiff(JobUpdateRequest request) {
    return api.getJobUpdateDiff(request);
  }

  @Override
  public Response getTierConfigs() {
    return api.getTierConfigs();
  }

  // AuroraSchedulerManager: scoped by the job.

  @Override
  public Response createJob(JobConfiguration description) {
    return job("createJob", keyOf(description), () -> api.createJob(description));
  }

  @Override
  public Response scheduleCronJob(JobConfiguration description) {
    return job("scheduleCronJob", keyOf(description), () -> api.scheduleCronJob(description));
  }

  @Override
  public Response descheduleCronJob(JobKey key) {
    return job("descheduleCronJob", key, () -> api.descheduleCronJob(key));
  }

  @Override
  public Response startCronJob(JobKey key) {
    return job("startCronJob", key, () -> api.startCronJob(key));
  }

  @Override
  public Response restartShards(JobKey key, Set<Integer> shardIds) {
    return job("restartShards", key, () -> api.restartShards(key, shardIds));
  }

  @Override
  public Response killTasks(JobKey key, Set<Integer> instances, String message) {
    return job("killTasks", key, () -> api.killTasks(key, instances, message));
  }

  @Override
  public Response addInstances(InstanceKey key, int count) {
    return job("addInstances", key == null ? null : key.getJobKey(),
        () -> api.addInstances(key, count));
  }

  @Override
  public Response replaceCronTemplate(JobConfiguration config) {
    return job("replaceCronTemplate", keyOf(config), () -> api.replaceCronTemplate(config));
  }

  @Override
  public Response startJobUpdate(JobUpdateRequest request, String message) {
    JobKey key = request == null || request.getTaskConfig() == null
        ? null : request.getTaskConfig().getJob();
    return job("startJobUpdate", key, () -> api.startJobUpdate(request, message));
  }

  @Override
  public Response pauseJobUpdate(JobUpdateKey key, String message) {
    return job("pauseJobUpdate", keyOf(key), () -> api.pauseJobUpdate(key, message));
  }

  @Override
  public Response resumeJobUpdate(JobUpdateKey key, String message) {
    return job("resumeJobUpdate", keyOf(key), () -> api.resumeJobUpdate(key, message));
  }

  @Override
  public Response abortJobUpdate(JobUpdateKey key, String message) {
    return job("abortJobUpdate", keyOf(key), () -> api.abortJobUpdate(key, message));
  }

  @Override
  public Response rollbackJobUpdate(JobUpdateKey key, String message) {
    return job("rollbackJobUpdate", keyOf(key), () -> api.rollbackJobUpdate(key, message));
  }

  @Override
  public Response pulseJobUpdate(JobUpdateKey key) {
    return job("pulseJobUpdate", keyOf(key), () -> api.pulseJobUpdate(key));
  }

  // AuroraAdmin: unscoped.

  @Override
  public Response setQuota(String ownerRole, ResourceAggregate resourceAggregate) {
    return admin("setQuota", ownerRole, () -> api.setQuota(ownerRole, resourceAggregate));
  }

  @Override
  public Response forceTaskState(String taskId, ScheduleStatus status) {
    return admin("forceTaskState", taskId, () -> api.forceTaskState(taskId, status));
  }

  @Override
  public Response performBackup() {
    return admin("performBackup", null, api::performBackup);
  }

  @Override
  public Response listBackups() {
    return admin("listBackups", null, api::listBackups);
  }

  @Override
  public Response stageRecovery(String backupId) {
    return admin("stageRecovery", backupId, () -> api.stageRecovery(backupId));
  }

  @Override
  public Response queryRecovery(TaskQuery query) {
    return admin("queryRecovery", null, () -> api.queryRecovery(query));
  }

  @Override
  public Response deleteRecoveryTasks(TaskQuery query) {
    return admin("deleteRecoveryTasks", null, () -> api.deleteRecoveryTasks(query));
  }

  @Override
  public Response commitRecovery() {
    return admin("commitRecovery", null, api::commitRecovery);
  }

  @Override
  public Response unloadRecovery() {
    return admin("unloadRecovery", null, api::unloadRecovery);
  }

  @Override
  public Response startMaintenance(Hosts hosts) {
    return admin("startMaintenance", null, () -> api.startMaintenance(hosts));
  }

  @Override
  public Response drainHosts(Hosts hosts) {
    return admin("drainHosts", null, () -> api.drainHosts(hosts));
  }

  @Override
  public Response maintenanceStatus(Hosts hosts) {
    return admin("maintenanceStatus", null, () -> api.maintenanceStatus(hosts));
  }

  @Override
  public Response endMaintenance(Hosts hosts) {
    return admin("endMaintenance", null, () -> api.endMaintenance(hosts));
  }

  @Override
  public Response slaDrainHosts(Hosts hosts, SlaPolicy defaultSlaPolicy, long timeoutSecs) {
    return admin("slaDrainHosts", null,
        () -> api.slaDrainHosts(hosts, defaultSlaPolicy, timeoutSecs));
  }

  @Override
  public Response snapshot() {
    return admin("snapshot", null, api::snapshot);
  }

  @Override
  public Response triggerExplicitTaskReconciliation(ExplicitReconciliationSettings settings) {
    return admin("triggerExplicitTaskReconciliation", null,
        () -> api.triggerExplicitTaskReconciliation(settings));
  }

  @Override
  public Response triggerImplicitTaskReconciliation() {
    return admin("triggerImplicitTaskReconciliation", null,
        api::triggerImplicitTaskReconciliation);
  }

  @Override
  public Response pruneTasks(TaskQuery query) {
    return admin("pruneTasks", null, () -> api.pruneTasks(query));
  }
}
