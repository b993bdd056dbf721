package io.aurora.scheduling.thrift;

import static io.aurora.scheduling.thrift.InvalidRequestException.check;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.scheduling.cron.CronSchedule;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.crontrigger.TriggerOutcome;
import io.aurora.scheduling.quota.QuotaCheck;
import io.aurora.scheduling.write.StateWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cron calls: scheduleCronJob (create or replace a template), replaceCronTemplate (replace
 * only), descheduleCronJob and startCronJob (run now), with Aurora's checks and messages. A
 * template is stored in one write; the {@link CronTriggers} re-arm from storage once it is
 * durable. Templates of a job with an active update are refused (JOB_UPDATING_ERROR).
 */
public final class CronApi {
  /** Aurora's answer to {@code createJob} with a schedule. */
  static final String NO_CRON = "Cron jobs may only be created/updated by calling scheduleCronJob.";
  /** Aurora's answer to a template with the RUN_OVERLAP policy. */
  static final String RUN_OVERLAP_REMOVED =
      "The RUN_OVERLAP collision policy has been removed (AURORA-38).";
  /** Aurora's prefix of a startCronJob refusal. */
  private static final String FAILED_TO_START = "Failed to start cron job - ";
  /** How long startCronJob waits for its trigger to be written before it gives up waiting. */
  static final Duration START_WAIT = Duration.ofSeconds(30);

  private final StateWriter writer;
  private final ConfigValidator validator;
  private final CronTriggers triggers;

  public CronApi(StateWriter writer, ApiOptions options, CronTriggers triggers) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.validator = new ConfigValidator(Objects.requireNonNull(options, "options"));
    this.triggers = Objects.requireNonNull(triggers, "triggers");
  }

  public Response scheduleCronJob(JobConfiguration description) {
    return save(description, false);
  }

  public Response replaceCronTemplate(JobConfiguration config) {
    return save(config, true);
  }

  public Response descheduleCronJob(JobKey job) {
    validator.validateKey(job);
    boolean removed = writer.write((stores, changes) -> {
      JobUpdatingException.checkNotUpdating(stores, job);
      if (stores.cronJobStore().fetchJob(job).isEmpty()) {
        return false;
      }
      stores.cronJobStore().removeJob(job);
      return true;
    });
    if (!removed) {
      return Responses.ok("Job " + JobKeys.canonicalString(job) + " is not scheduled with cron");
    }
    triggers.templateChanged(job);
    return Responses.ok();
  }

  /**
   * Triggers the job now, as its schedule would, and answers once the trigger is durable (a
   * message says so when the collision policy or a waiting launch kept the run from starting).
   */
  public Response startCronJob(JobKey job) {
    validator.validateKey(job);
    check(writer.storage().read(s -> s.cronJobStore().fetchJob(job)).isPresent(),
        FAILED_TO_START + noCronJob(job));
    TriggerOutcome outcome = await(triggers.startNow(job), job);
    String path = JobKeys.canonicalString(job);
    switch (outcome) {
      case LAUNCHED:
        return Responses.ok();
      case KILLING_PREVIOUS_RUN:
        return Responses.ok("The previous run of " + path + " is being killed (KILL_EXISTING);"
            + " the new run starts once its tasks have ended.");
      case SKIPPED_CANCEL_NEW:
      case SKIPPED_RUN_OVERLAP:
        return Responses.ok("The previous run of " + path + " is still active, so no new run was"
            + " started (" + outcome.name().substring("SKIPPED_".length()) + ").");
      case IGNORED_LAUNCH_PENDING:
        return Responses.ok("A run of " + path + " is already waiting for the previous run's"
            + " tasks to be killed; no other run was started.");
      case NO_TEMPLATE:
        throw new InvalidRequestException(FAILED_TO_START + noCronJob(job));
      default:
        throw new IllegalStateException("The trigger of " + path + " came to " + outcome);
    }
  }

  /** Whether {@code job} has a schedule (a blank one counts as none, as in Aurora). */
  static boolean isCron(JobConfiguration job) {
    return job != null && job.isSetCronSchedule() && !job.getCronSchedule().isBlank();
  }

  private Response save(JobConfiguration description, boolean replaceOnly) {
    JobConfiguration job = validator.validate(description);
    JobKey key = job.getKey();
    String path = JobKeys.canonicalString(key);
    check(isCron(job), "Job " + path + " has no cron schedule");
    try {
      CronSchedule.parse(job.getCronSchedule());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "Invalid cron schedule: " + job.getCronSchedule() + " (" + e.getMessage() + ")");
    }
    check(job.getCronCollisionPolicy() != CronCollisionPolicy.RUN_OVERLAP, RUN_OVERLAP_REMOVED);
    writer.write((stores, changes) -> {
      JobUpdatingException.checkNotUpdating(stores, key);
      boolean exists = stores.cronJobStore().fetchJob(key).isPresent();
      if (replaceOnly) {
        check(exists, noCronJob(key));
      } else if (!exists) {
        check(stores.taskStore().countTasks(
                TaskQueries.byJob(key).statuses(Tasks.ACTIVE_STATES).build()) == 0,
            "Job " + path + " already exists");
      }
      JobsApi.checkQuota(stores, key, QuotaCheck.current(stores, key).withCron(job));
      stores.cronJobStore().saveAcceptedJob(job);
      return null;
    });
    triggers.templateChanged(key);
    return Responses.ok();
  }

  private static String noCronJob(JobKey job) {
    return "No cron job found for " + JobKeys.canonicalString(job) + ".";
  }

  private static TriggerOutcome await(CompletableFuture<TriggerOutcome> outcome, JobKey job) {
    try {
      return outcome.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("The trigger of " + JobKeys.canonicalString(job)
          + " is queued but was not written within " + START_WAIT.toSeconds() + " s; it will be.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the trigger", e);
    }
  }
}
