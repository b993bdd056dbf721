package io.aurora.server.client.job;

import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.ProgressLine;
import io.aurora.server.client.cli.SchedulerCalls;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora job restart}: a rolling restart driven by the client, as Aurora's client does it
 * (not an update: the config stays as it is). The instances are restarted a batch at a time with
 * {@code restartShards}; each batch is watched ({@link RestartWatcher}) before the next starts. A
 * failed instance is restarted again, later, until it has failed more than {@code
 * --max-per-instance-failures} times; more such instances than {@code --max-total-failures} stop
 * the restart (exit 4). Aurora's client retries a failed instance without end; ours gives up on
 * it at that point.
 */
@Command(name = "restart", sortOptions = false,
    description = {"Restarts the job's active instances (or INSTANCES) in rolling batches, "
        + "watching each restarted instance run before the next batch.",
        "Exits 4 when more instances failed than --max-total-failures."})
final class JobRestartCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CLUSTER/ROLE/ENV/NAME[/INSTANCES]",
      converter = JobInstances.Converter.class,
      description = "The job, and optionally which instances (e.g. local/www/prod/hello/0-2,5).")
  JobInstances target;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1",
      description = "Instances restarted at a time (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--watch-secs", paramLabel = "S", defaultValue = "30",
      description = "Seconds a restarted instance must run to count as restarted "
          + "(default ${DEFAULT-VALUE}).")
  int watchSecs;

  @Option(names = "--max-per-instance-failures", paramLabel = "N", defaultValue = "0",
      description = "Failed restarts an instance may have before it counts as failed "
          + "(default ${DEFAULT-VALUE}).")
  int maxPerInstanceFailures;

  @Option(names = "--max-total-failures", paramLabel = "N", defaultValue = "0",
      description = "Failed instances tolerated (default ${DEFAULT-VALUE}).")
  int maxTotalFailures;

  @Option(names = "--restart-threshold", paramLabel = "S", defaultValue = "60",
      description = "Seconds a restarted instance has to start running (default "
          + "${DEFAULT-VALUE}).")
  int restartThreshold;

  @Option(names = "--healthcheck-interval-seconds", paramLabel = "S", defaultValue = "3",
      description = "Seconds between looks at the restarted instances (default "
          + "${DEFAULT-VALUE}).")
  int intervalSecs;

  @Option(names = "--strict", description = "Fail (exit 6) if any of INSTANCES is not active.")
  boolean strict;

  private final ClientContext context;

  JobRestartCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    validate();
    JobPath job = target.job();
    SchedulerCalls scheduler = context.scheduler(job.cluster());
    SortedSet<Integer> active = InstanceTasks.activeInstances(scheduler, job);
    SortedSet<Integer> ids = new TreeSet<>(active);
    if (target.instances().isPresent()) {
      SortedSet<Integer> requested = target.instances().get().ids();
      SortedSet<Integer> inactive = new TreeSet<>(requested);
      inactive.removeAll(active);
      if (!inactive.isEmpty()) {
        String text = "instances " + new InstanceSpec(inactive) + " of " + job + " are not active";
        if (strict || inactive.size() == requested.size()) {
          throw ClientFailure.invalidParameter(text);
        }
        context.err().println("aurora: " + text + ": not restarting them");
        context.err().flush();
      }
      ids.retainAll(requested);
    }
    PrintWriter out = context.out();
    if (ids.isEmpty()) {
      out.println(job + " has no active instances: nothing to restart");
      out.flush();
      return ExitCodes.OK;
    }
    SortedSet<Integer> failed = restart(scheduler, job, ids);
    SortedSet<Integer> restarted = new TreeSet<>(ids);
    restarted.removeAll(failed);
    if (failed.isEmpty()) {
      out.println("restarted " + job + "/" + new InstanceSpec(ids));
    } else {
      out.println("restarted " + (restarted.isEmpty() ? "no instance of " + job
          : job + "/" + new InstanceSpec(restarted)) + "; instances " + new InstanceSpec(failed)
          + " failed (tolerated by --max-total-failures=" + maxTotalFailures + ")");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Restarts {@code ids}; returns the instances that failed too often (within tolerance). */
  private SortedSet<Integer> restart(SchedulerCalls scheduler, JobPath job,
      SortedSet<Integer> ids) {
    ProgressLine line = context.progressLine();
    RestartWatcher watcher = new RestartWatcher(scheduler, context.clock(), context.sleeper(),
        line, new RestartWatcher.Timing(Duration.ofSeconds(watchSecs),
            Duration.ofSeconds(restartThreshold), Duration.ofSeconds(intervalSecs)));
    Deque<Integer> queue = new ArrayDeque<>(ids);
    Map<Integer, Integer> failures = new HashMap<>();
    SortedSet<Integer> failedForGood = new TreeSet<>();
    int restarted = 0;
    while (!queue.isEmpty()) {
      SortedSet<Integer> batch = new TreeSet<>();
      while (batch.size() < batchSize && !queue.isEmpty()) {
        batch.add(queue.poll());
      }
      scheduler.ok(api -> api.restartShards(job.jobKey(), new HashSet<>(batch)));
      String progress = job + ": " + restarted + " of " + ids.size() + " restarted; batch "
          + new InstanceSpec(batch) + ": ";
      SortedSet<Integer> failed = watcher.watch(job, batch, progress);
      restarted += batch.size() - failed.size();
      for (int id : failed) {
        if (failures.merge(id, 1, Integer::sum) > maxPerInstanceFailures) {
          failedForGood.add(id);
        } else {
          queue.add(id); // another try, after the instances still waiting
        }
      }
      if (failedForGood.size() > maxTotalFailures) {
        line.finish();
        throw new ClientFailure(ExitCodes.COMMAND_FAILURE, "restart of " + job + " stopped: "
            + "instances " + new InstanceSpec(failedForGood) + " failed more than "
            + "--max-per-instance-failures=" + maxPerInstanceFailures + " times each, more "
            + "instances than --max-total-failures=" + maxTotalFailures);
      }
    }
    line.finish();
    return failedForGood;
  }

  private void validate() {
    check(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
    check(watchSecs >= 0, "--watch-secs must not be negative, got " + watchSecs);
    check(maxPerInstanceFailures >= 0,
        "--max-per-instance-failures must not be negative, got " + maxPerInstanceFailures);
    check(maxTotalFailures >= 0,
        "--max-total-failures must not be negative, got " + maxTotalFailures);
    check(restartThreshold >= 0,
        "--restart-threshold must not be negative, got " + restartThreshold);
    check(intervalSecs >= 1,
        "--healthcheck-interval-seconds must be at least 1, got " + intervalSecs);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw ClientFailure.invalidParameter(message);
    }
  }
}
