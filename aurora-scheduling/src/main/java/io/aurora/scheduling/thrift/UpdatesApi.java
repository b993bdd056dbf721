package io.aurora.scheduling.thrift;

import static io.aurora.scheduling.thrift.InvalidRequestException.check;

import io.aurora.gen.GetJobUpdateDiffResult;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.PulseJobUpdateResult;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.Result;
import io.aurora.gen.StartJobUpdateResult;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.update.InstanceRanges;
import io.aurora.scheduling.update.JobDiff;
import io.aurora.scheduling.update.UpdateSettingsRules;
import io.aurora.scheduling.updater.JobUpdateController;
import io.aurora.scheduling.updater.NewUpdate;
import io.aurora.scheduling.updater.UpdateRefusedException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The job update calls that change updates: {@code startJobUpdate}, {@code pauseJobUpdate},
 * {@code resumeJobUpdate}, {@code abortJobUpdate}, {@code rollbackJobUpdate},
 * {@code pulseJobUpdate}, and {@code getJobUpdateDiff} (what a start would do). Requests are
 * checked here as {@code createJob} checks jobs ({@link ConfigValidator}) and against Aurora's
 * settings rules ({@link UpdateSettingsRules}); the {@link JobUpdateController} does the rest.
 * Events record the calling user; the methods without one record
 * {@value JobsApi#UNAUTHENTICATED_USER}, as Aurora does when authentication is off.
 */
public final class UpdatesApi {
  /** Aurora's answer to an update that would change nothing. */
  static final String NOOP = "Job is unchanged by proposed update.";

  private final JobUpdateController controller;
  private final ConfigValidator validator;
  private final ApiOptions options;

  public UpdatesApi(JobUpdateController controller, ApiOptions options) {
    this.controller = Objects.requireNonNull(controller, "controller");
    this.options = Objects.requireNonNull(options, "options");
    this.validator = new ConfigValidator(options);
  }

  public Response startJobUpdate(JobUpdateRequest request, String message) {
    return startJobUpdate(request, message, JobsApi.UNAUTHENTICATED_USER);
  }

  /** As {@code startJobUpdate}, recording {@code user} in the update's summary and events. */
  public Response startJobUpdate(JobUpdateRequest request, String message, String user) {
    TaskConfig config = validatedConfig(request);
    check(request.isSetSettings(), "settings are required");
    JobUpdateSettings settings = UpdateSettingsRules.backfilled(request.getSettings());
    scope(settings);
    UpdateSettingsRules.problem(settings, request.getInstanceCount(),
        options.maxUpdateInstanceFailures()).ifPresent(problem -> {
          throw new InvalidRequestException(problem);
        });
    if (settings.isSlaAware()) {
      // Aurora: an SLA-aware update needs a policy to be aware of.
      check(config.isSetSlaPolicy(), "settings.slaAware needs a slaPolicy in the task config");
      check(!config.getSlaPolicy().isSetCoordinatorSlaPolicy(), "settings.slaAware with a "
          + "coordinatorSlaPolicy is not supported yet: use a count or percentage policy");
      MaintenanceApi.checkPolicy(config.getSlaPolicy());
    }
    NewUpdate update = new NewUpdate(config, request.getInstanceCount(), settings,
        request.getMetadata());
    return refusable(() -> {
      Optional<StartJobUpdateResult> started =
          controller.startUpdate(update, user, message);
      return started.map(r -> Responses.ok(Result.startJobUpdateResult(r)))
          .orElseGet(() -> Responses.ok(NOOP));
    });
  }

  public Response pauseJobUpdate(JobUpdateKey key, String message) {
    return pauseJobUpdate(key, message, JobsApi.UNAUTHENTICATED_USER);
  }

  /** As {@code pauseJobUpdate}, recording {@code user} in the update's events. */
  public Response pauseJobUpdate(JobUpdateKey key, String message, String user) {
    checkKey(key);
    return refusable(() -> {
      controller.pause(key, user, message);
      return Responses.ok();
    });
  }

  public Response resumeJobUpdate(JobUpdateKey key, String message) {
    return resumeJobUpdate(key, message, JobsApi.UNAUTHENTICATED_USER);
  }

  /** As {@code resumeJobUpdate}, recording {@code user} in the update's events. */
  public Response resumeJobUpdate(JobUpdateKey key, String message, String user) {
    checkKey(key);
    return refusable(() -> {
      controller.resume(key, user, message);
      return Responses.ok();
    });
  }

  public Response abortJobUpdate(JobUpdateKey key, String message) {
    return abortJobUpdate(key, message, JobsApi.UNAUTHENTICATED_USER);
  }

  /** As {@code abortJobUpdate}, recording {@code user} in the update's events. */
  public Response abortJobUpdate(JobUpdateKey key, String message, String user) {
    checkKey(key);
    return refusable(() -> {
      controller.abort(key, user, message);
      return Responses.ok();
    });
  }

  public Response rollbackJobUpdate(JobUpdateKey key, String message) {
    return rollbackJobUpdate(key, message, JobsApi.UNAUTHENTICATED_USER);
  }

  /** As {@code rollbackJobUpdate}, recording {@code user} in the update's events. */
  public Response rollbackJobUpdate(JobUpdateKey key, String message, String user) {
    checkKey(key);
    return refusable(() -> {
      controller.rollback(key, user, message);
      return Responses.ok();
    });
  }

  public Response pulseJobUpdate(JobUpdateKey key) {
    checkKey(key);
    return refusable(() -> Responses.ok(Result.pulseJobUpdateResult(
        new PulseJobUpdateResult(controller.pulse(key)))));
  }

  /**
   * What {@code startJobUpdate} would change: instances to add (with the new config), to update
   * and to remove (with their current configs), and those left as they are.
   */
  public Response getJobUpdateDiff(JobUpdateRequest request) {
    TaskConfig config = validatedConfig(request);
    JobUpdateSettings settings = request.isSetSettings() ? request.getSettings()
        : new JobUpdateSettings();
    scope(settings);
    NewUpdate proposed = new NewUpdate(config, request.getInstanceCount(), settings,
        request.getMetadata());
    return refusable(() -> {
      JobDiff diff = controller.diff(proposed);
      return Responses.ok(Result.getJobUpdateDiffResult(new GetJobUpdateDiffResult(
          diff.addGroups(), diff.removeGroups(), diff.updateGroups(), diff.unchangedGroups())));
    });
  }

  /**
   * The request's task config, checked and completed as {@code createJob} does with a job of
   * {@code instanceCount} instances; updates are for service jobs only.
   */
  private TaskConfig validatedConfig(JobUpdateRequest request) {
    check(request != null, "request is required");
    check(request.isSetTaskConfig(), "request.taskConfig is required");
    TaskConfig given = request.getTaskConfig();
    check(given.isSetJob(), "request.taskConfig.job is required");
    JobConfiguration job = validator.validate(new JobConfiguration()
        .setKey(given.getJob().deepCopy())
        .setOwner(given.getOwner())
        .setTaskConfig(given)
        .setInstanceCount(request.getInstanceCount()));
    check(job.getTaskConfig().isIsService(),
        "Updates are not supported for non-service tasks (taskConfig.isService is false).");
    return job.getTaskConfig();
  }

  private static Set<Integer> scope(JobUpdateSettings settings) {
    try {
      return InstanceRanges.ids(settings.getUpdateOnlyTheseInstances());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("settings.updateOnlyTheseInstances: " + e.getMessage());
    }
  }

  private static void checkKey(JobUpdateKey key) {
    check(key != null, "key is required");
    RequestChecks.checkJobKey("key.job", key.getJob());
    check(key.getId() != null && !key.getId().isBlank(), "key.id is required");
  }

  /** Runs an updater call; a refusal becomes INVALID_REQUEST, with the active update if any. */
  private static Response refusable(Supplier<Response> call) {
    try {
      return call.get();
    } catch (UpdateRefusedException e) {
      Response r = Responses.withCode(ResponseCode.INVALID_REQUEST, e.getMessage());
      e.activeUpdate().ifPresent(active -> r.setResult(Result.startJobUpdateResult(active)));
      return r;
    }
  }
}
