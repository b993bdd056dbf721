package io.aurora.http.auth;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.ExplicitReconciliationSettings;
import io.aurora.gen.Hosts;
import io.aurora.gen.InstanceKey;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskQuery;
import io.aurora.api.JobKeys;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.thrift.TException;

/**
 * The INI of the security tests (the roles of Aurora's own: an administrator, an engineer, a
 * backup service, a deployer allowed to kill one job, a user with no role), the real API over a
 * {@link SchedulerHarness}, and one call of every state-changing method.
 */
final class SecurityFixtures {
  static final String INI = String.join("\n",
      "[users]",
      "root = secret, admin",
      "engineer = w0rk, eng",
      "backupsvc = b4ckup, backup",
      "deployer = d3ploy, deploy",
      "nobody = n0b0dy",
      "",
      "[roles]",
      "admin = *",
      "eng = thrift.AuroraSchedulerManager:*",
      "backup = thrift.AuroraAdmin:listBackups",
      "deploy = thrift.AuroraSchedulerManager:killTasks:ads:prod:web",
      "");

  /** The job the deployer may kill. */
  static final JobKey WEB = JobKeys.from("ads", "prod", "web");
  /** A job of the same role and environment the deployer may not touch. */
  static final JobKey OTHER = JobKeys.from("ads", "prod", "other");

  private SecurityFixtures() {}

  /** One API call. */
  interface ApiCall {
    Response call(AuroraAdmin.Iface api) throws TException;
  }

  static BasicAuthenticator authenticator() {
    return new BasicAuthenticator(IniRealms.fromText(INI, IniRealms.DEFAULT_MATCHER, "test INI"));
  }

  /** The real API over the harness's storage and runtime. */
  static AuroraAdminService service(SchedulerHarness h) {
    ApiOptions options = new ApiOptions("test-cluster", "http://stats/",
        ApiOptions.DEFAULT_ENVIRONMENTS, 10, TierSettings.DEFAULTS);
    TaskReconciler reconciler =
        new TaskReconciler(h.storage, h.driver, h.clock, h.timers, ReconcileOptions.DEFAULTS);
    CronTriggers cron = h.cronOn(h.writer, CronOptions.DEFAULTS, new SimpleMeterRegistry());
    return new AuroraAdminService(options,
        new ReadApi(h.storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(h.storage), new JobsApi(h.writer, options),
        new CronApi(h.writer, options, cron), new UpdatesApi(h.updates, options),
        new QuotaApi(h.writer), new AdminApi(h.writer, reconciler, Optional.empty(),
            1000), new SimpleMeterRegistry());
  }

  static TaskConfig config(JobKey job) {
    TaskConfig config = Fixtures.config(job.getRole(), job.getName(), 0.5, 128, 10);
    return config.setJob(job.deepCopy());
  }

  static JobConfiguration jobConfig(JobKey job) {
    return new JobConfiguration().setKey(job.deepCopy()).setTaskConfig(config(job))
        .setInstanceCount(1);
  }

  /** One call of each state-changing method, on {@code job} where the method names a job. */
  static Map<String, ApiCall> mutatingCalls(JobKey job) {
    JobUpdateKey update = new JobUpdateKey(job.deepCopy(), "id");
    Map<String, ApiCall> calls = new LinkedHashMap<>();
    calls.put("createJob", api -> api.createJob(jobConfig(job)));
    calls.put("scheduleCronJob", api -> api.scheduleCronJob(jobConfig(job)));
    calls.put("descheduleCronJob", api -> api.descheduleCronJob(job.deepCopy()));
    calls.put("startCronJob", api -> api.startCronJob(job.deepCopy()));
    calls.put("restartShards", api -> api.restartShards(job.deepCopy(), Set.of(0)));
    calls.put("killTasks", api -> api.killTasks(job.deepCopy(), Set.of(), "test"));
    calls.put("addInstances", api -> api.addInstances(new InstanceKey(job.deepCopy(), 0), 1));
    calls.put("replaceCronTemplate", api -> api.replaceCronTemplate(jobConfig(job)));
    calls.put("startJobUpdate", api -> api.startJobUpdate(
        new JobUpdateRequest().setTaskConfig(config(job)).setInstanceCount(1), "test"));
    calls.put("pauseJobUpdate", api -> api.pauseJobUpdate(update, "test"));
    calls.put("resumeJobUpdate", api -> api.resumeJobUpdate(update, "test"));
    calls.put("abortJobUpdate", api -> api.abortJobUpdate(update, "test"));
    calls.put("rollbackJobUpdate", api -> api.rollbackJobUpdate(update, "test"));
    calls.put("pulseJobUpdate", api -> api.pulseJobUpdate(update));
    Hosts hosts = new Hosts(Set.of("host1"));
    calls.put("setQuota", api -> api.setQuota("ads", new ResourceAggregate()));
    calls.put("forceTaskState", api -> api.forceTaskState("no-such-task", ScheduleStatus.LOST));
    calls.put("performBackup", AuroraAdmin.Iface::performBackup);
    calls.put("listBackups", AuroraAdmin.Iface::listBackups);
    calls.put("stageRecovery", api -> api.stageRecovery("backup"));
    calls.put("queryRecovery", api -> api.queryRecovery(new TaskQuery()));
    calls.put("deleteRecoveryTasks", api -> api.deleteRecoveryTasks(new TaskQuery()));
    calls.put("commitRecovery", AuroraAdmin.Iface::commitRecovery);
    calls.put("unloadRecovery", AuroraAdmin.Iface::unloadRecovery);
    calls.put("startMaintenance", api -> api.startMaintenance(hosts));
    calls.put("drainHosts", api -> api.drainHosts(hosts));
    calls.put("maintenanceStatus", api -> api.maintenanceStatus(hosts));
    calls.put("endMaintenance", api -> api.endMaintenance(hosts));
    calls.put("slaDrainHosts", api -> api.slaDrainHosts(hosts, new SlaPolicy(), 60));
    calls.put("snapshot", AuroraAdmin.Iface::snapshot);
    calls.put("triggerExplicitTaskReconciliation", api -> api.triggerExplicitTaskReconciliation(
        new ExplicitReconciliationSettings()));
    calls.put("triggerImplicitTaskReconciliation",
        AuroraAdmin.Iface::triggerImplicitTaskReconciliation);
    calls.put("pruneTasks", api -> api.pruneTasks(new TaskQuery()));
    return calls;
  }
}
