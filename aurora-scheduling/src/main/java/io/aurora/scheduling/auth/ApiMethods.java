package io.aurora.scheduling.auth;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which {@code AuroraAdmin} methods read and which change state, following the Thrift service
 * each method belongs to in Aurora's {@code api.thrift}: {@code ReadOnlyScheduler} methods are
 * open, {@code AuroraSchedulerManager} methods need a permission scoped by the job they name,
 * {@code AuroraAdmin} methods an unscoped one (even the ones that only look, such as {@code
 * listBackups}, as in Aurora).
 */
public final class ApiMethods {
  /** The permission domain of job calls. */
  public static final String JOB_DOMAIN = "thrift.AuroraSchedulerManager";
  /** The permission domain of admin calls. */
  public static final String ADMIN_DOMAIN = "thrift.AuroraAdmin";

  /** What a method needs. */
  public enum Access {
    /** Anyone, authenticated or not. */
    READ,
    /** {@code thrift.AuroraSchedulerManager:<method>:<role>:<env>:<name>}. */
    JOB,
    /** {@code thrift.AuroraAdmin:<method>}. */
    ADMIN
  }

  private static final Map<String, Access> METHODS = Stream.of(
      Stream.of("getRoleSummary", "getJobSummary", "getTasksStatus", "getTasksWithoutConfigs",
              "getPendingReason", "getConfigSummary", "getJobs", "getQuota", "populateJobConfig",
              "getJobUpdateSummaries", "getJobUpdateDetails", "getJobUpdateDiff", "getTierConfigs")
          .map(m -> Map.entry(m, Access.READ)),
      Stream.of("createJob", "scheduleCronJob", "descheduleCronJob", "startCronJob",
              "restartShards", "killTasks", "addInstances", "replaceCronTemplate",
              "startJobUpdate", "pauseJobUpdate", "resumeJobUpdate", "abortJobUpdate",
              "rollbackJobUpdate", "pulseJobUpdate")
          .map(m -> Map.entry(m, Access.JOB)),
      Stream.of("setQuota", "forceTaskState", "performBackup", "listBackups", "stageRecovery",
              "queryRecovery", "deleteRecoveryTasks", "commitRecovery", "unloadRecovery",
              "startMaintenance", "drainHosts", "maintenanceStatus", "endMaintenance",
              "slaDrainHosts", "snapshot", "triggerExplicitTaskReconciliation",
              "triggerImplicitTaskReconciliation", "pruneTasks")
          .map(m -> Map.entry(m, Access.ADMIN)))
      .flatMap(s -> s)
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  private ApiMethods() {}

  /** What {@code method} needs; empty for a name that is not an API method. */
  public static Optional<Access> access(String method) {
    return Optional.ofNullable(METHODS.get(method));
  }

  /**
   * Whether a caller must be authenticated to call {@code method}: every method but the reads.
   * An unknown name needs nothing here (the Thrift processor rejects it).
   */
  public static boolean requiresAuthentication(String method) {
    return access(method).map(a -> a != Access.READ).orElse(false);
  }

  /** {@code thrift.AuroraAdmin:<method>}. */
  public static String adminPermission(String method) {
    return ADMIN_DOMAIN + ":" + method;
  }

  /** {@code thrift.AuroraSchedulerManager:<method>:<role>:<env>:<name>}. */
  public static String jobPermission(String method, String role, String environment, String name) {
    return JOB_DOMAIN + ":" + method + ":" + role + ":" + environment + ":" + name;
  }

  /** {@code thrift.AuroraSchedulerManager:<method>}: the method on every job. */
  public static String anyJobPermission(String method) {
    return JOB_DOMAIN + ":" + method;
  }
}
