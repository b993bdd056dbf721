package io.aurora.server.client.update;

import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.Metadata;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.StartJobUpdateResult;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.config.JobFile;
import io.aurora.server.client.config.JobFileOptions;
import io.aurora.server.client.config.UpdateConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora update start}: reads the job file as {@code job create} does, builds the request
 * ({@link UpdateRequestBuilder}) from the file's update settings overridden by the flags, and starts
 * the update; with {@code --wait} it then waits as {@code update wait} does.
 */
@Command(name = "start", sortOptions = false,
    description = "Starts a rolling update of a job to the config in FILE.")
final class UpdateStartCommand implements Callable<Integer> {
  /** What the scheduler says, and we print, when the file changes nothing. */
  static final String UNCHANGED = "Job is unchanged by proposed update.";

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME", converter = JobPath.Converter.class,
          description = "The job.")
  JobPath job;

  @Parameters(index = "1", paramLabel = "FILE", description = "The job file, as for job create.")
  Path file;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Instances updated at the same time (default 1).")
  Integer batchSize;

  @Option(names = "--watch-secs", paramLabel = "S",
      description = "Seconds an updated instance must run before it counts as updated (default 45).")
  Integer watchSecs;

  @Option(names = "--max-per-instance-failures", paramLabel = "N",
      description = "Restarts an instance may fail before it counts as failed (default 0).")
  Integer maxPerInstanceFailures;

  @Option(names = "--max-total-failures", paramLabel = "N",
      description = "Failed instances the update tolerates (default 0); must be below the "
          + "instance count.")
  Integer maxTotalFailures;

  @Option(names = "--no-rollback",
      description = "End FAILED instead of rolling back when too many instances fail.")
  boolean noRollback;

  @Option(names = "--instances", paramLabel = "0-3,7", converter = InstanceSpec.Converter.class,
      description = "Update only these instances (default: all).")
  InstanceSpec instances;

  @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
      description = "Why, recorded with the update's first event.")
  String message;

  @Option(names = "--wait", description = "Then wait for the update to end, as update wait does.")
  boolean await;

  @Mixin
  JobFileOptions files = new JobFileOptions();

  private final ClientContext context;

  UpdateStartCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    SchedulerCalls scheduler = context.scheduler(job.cluster());
    JobFile jobFile = files.read(file, job, scheduler);
    if (jobFile.hasCronSchedule()) {
      // A cron job's template is replaced, not rolled: the next run uses the new one.
      throw new ClientFailure(ExitCodes.COMMAND_FAILURE, file + " has a cronSchedule: a cron job "
          + "is updated by scheduling it again, with 'aurora cron schedule " + job + " " + file
          + "'");
    }
    UpdateConfig config = withFlags(jobFile.updateConfig())
        .validate(jobFile.job().getInstanceCount());
    String updateId = context.updateIds().get().toString();
    JobUpdateRequest request = UpdateRequestBuilder.build(jobFile.job(), config,
        Optional.ofNullable(instances), updateId);
    Response response = scheduler.call(api -> api.startJobUpdate(request, message));
    Optional<JobUpdateKey> started = startedKey(response, updateId);
    PrintWriter out = context.out();
    if (started.isEmpty()) {
      SchedulerCalls.check(response);
      out.println(UNCHANGED);
      out.flush();
      return 0;
    }
    String name = UpdateText.key(job.cluster(), started.get());
    out.println("update started: " + name);
    out.println(scheduler.handle().page(UpdateText.page(started.get())));
    out.flush();
    if (!await) {
      return 0;
    }
    return new UpdateWaiter(new UpdateLookup(scheduler),
        () -> new UpdateLookup(context.scheduler(job.cluster())), context.progressLine(),
        context.sleeper(), UpdateWaiter.DEFAULT_INTERVAL).await(started.get(), name);
  }

  private UpdateConfig withFlags(UpdateConfig file) {
    return file.with(
        batchSize != null ? batchSize : file.batchSize(),
        watchSecs != null ? watchSecs : file.watchSecs(),
        maxPerInstanceFailures != null ? maxPerInstanceFailures : file.maxPerShardFailures(),
        maxTotalFailures != null ? maxTotalFailures : file.maxTotalFailures(),
        !noRollback && file.rollbackOnFailure());
  }

  /**
   * The key of the update {@code response} started: the OK answer's key, or, as Aurora's client
   * does, the active update an INVALID_REQUEST names when it carries our own update id (our request
   * was taken on an attempt whose answer was lost). Empty when nothing started.
   */
  static Optional<JobUpdateKey> startedKey(Response response, String updateId) {
    StartJobUpdateResult result = response.isSetResult()
        && response.getResult().isSetStartJobUpdateResult()
        ? response.getResult().getStartJobUpdateResult() : null;
    if (result == null) {
      return Optional.empty();
    }
    if (response.getResponseCode() == ResponseCode.OK) {
      return Optional.ofNullable(result.getKey());
    }
    if (response.getResponseCode() == ResponseCode.INVALID_REQUEST && result.isSetUpdateSummary()
        && result.getUpdateSummary().getMetadataSize() > 0
        && result.getUpdateSummary().getMetadata().contains(
            new Metadata(UpdateRequestBuilder.UPDATE_ID_KEY, updateId))) {
      return Optional.ofNullable(result.getUpdateSummary().getKey() != null
          ? result.getUpdateSummary().getKey() : result.getKey());
    }
    return Optional.empty();
  }
}
