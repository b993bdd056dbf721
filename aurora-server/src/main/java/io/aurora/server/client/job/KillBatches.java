package io.aurora.server.client.job;

import io.aurora.api.Tasks;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.SchedulerCalls;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Kills instances of a job as Aurora's client does. In batches (the default, of one instance):
 * the job's active instances, or those of them asked for, are killed a batch at a time, each
 * batch waited for until its tasks have ended ({@link TaskWaiter}, about four minutes at most); a
 * batch the scheduler refuses or that does not end in time is a failed batch, and more failed
 * batches than {@code --max-total-failures} stop the kill (exit 4). With {@code --no-batching}:
 * one {@code killTasks}, then one wait, whose running out of time is exit 9.
 */
final class KillBatches {
  private final ClientContext context;
  private final KillOptions options;

  KillBatches(ClientContext context, KillOptions options) {
    this.context = Objects.requireNonNull(context, "context");
    this.options = Objects.requireNonNull(options, "options").validate();
  }

  /**
   * Kills {@code requested} (every instance when empty) of {@code job}.
   *
   * @param strict whether asking for an instance that is not active is an error (exit 6)
   */
  int kill(JobPath job, Optional<InstanceSpec> requested, boolean strict) {
    SchedulerCalls scheduler = context.scheduler(job.cluster());
    TaskWaiter waiter = new TaskWaiter(scheduler, context.sleeper(), context.progressLine());
    SortedSet<Integer> active = strict || !options.noBatching
        ? InstanceTasks.activeInstances(scheduler, job) : new TreeSet<>();
    if (strict && requested.isPresent() && !active.containsAll(requested.get().ids())) {
      SortedSet<Integer> missing = new TreeSet<>(requested.get().ids());
      missing.removeAll(active);
      throw ClientFailure.invalidParameter("instances " + new InstanceSpec(missing) + " of " + job
          + " are not active" + activeText(active));
    }
    if (options.noBatching) {
      Set<Integer> ids = requested.map(r -> (Set<Integer>) new HashSet<>(r.ids())).orElse(null);
      scheduler.ok(api -> api.killTasks(job.jobKey(), ids, options.message));
      if (!waiter.await(job, Optional.ofNullable(ids), "killed", Tasks::isTerminal, true)) {
        throw new ClientFailure(ExitCodes.TIMEOUT, "the tasks of " + target(job, requested)
            + " did not end in time");
      }
      println("killed " + target(job, requested));
      return ExitCodes.OK;
    }
    SortedSet<Integer> toKill = new TreeSet<>(active);
    requested.ifPresent(r -> toKill.retainAll(r.ids()));
    if (toKill.isEmpty()) {
      throw ClientFailure.invalidParameter(active.isEmpty() ? job + " has no active tasks to kill"
          : "none of instances " + requested.get() + " of " + job + " is active"
              + activeText(active));
    }
    int failed = 0;
    for (SortedSet<Integer> batch : batches(toKill, options.batchSize)) {
      String name = job + "/" + new InstanceSpec(batch);
      Optional<String> problem = killBatch(scheduler, waiter, job, batch);
      if (problem.isEmpty()) {
        println("killed " + name);
        continue;
      }
      failed++;
      context.err().println("aurora: kill of " + name + " failed: " + problem.get());
      context.err().flush();
      if (failed > options.maxTotalFailures) {
        throw new ClientFailure(ExitCodes.COMMAND_FAILURE, failed + " failed batch"
            + (failed == 1 ? "" : "es") + ", more than --max-total-failures="
            + options.maxTotalFailures + ": kill of " + job + " stopped");
      }
    }
    if (failed > 0) {
      throw new ClientFailure(ExitCodes.COMMAND_FAILURE, failed + " batch"
          + (failed == 1 ? "" : "es") + " of the kill of " + job + " failed");
    }
    return ExitCodes.OK;
  }

  /** Kills one batch and waits for it; empty when its tasks ended, else what went wrong. */
  private Optional<String> killBatch(SchedulerCalls scheduler, TaskWaiter waiter, JobPath job,
      SortedSet<Integer> batch) {
    Response r = scheduler.call(api -> api.killTasks(job.jobKey(), new HashSet<>(batch),
        options.message));
    if (r.getResponseCode() != ResponseCode.OK) {
      return Optional.of(SchedulerCalls.describe(r));
    }
    return waiter.await(job, Optional.of(batch), "killed", Tasks::isTerminal, true)
        ? Optional.empty() : Optional.of("its tasks did not end in time");
  }

  /** {@code ids} in ascending runs of {@code size}. */
  static List<SortedSet<Integer>> batches(SortedSet<Integer> ids, int size) {
    List<SortedSet<Integer>> out = new ArrayList<>();
    SortedSet<Integer> batch = new TreeSet<>();
    for (int id : ids) {
      batch.add(id);
      if (batch.size() == size) {
        out.add(batch);
        batch = new TreeSet<>();
      }
    }
    if (!batch.isEmpty()) {
      out.add(batch);
    }
    return out;
  }

  private void println(String line) {
    PrintWriter out = context.out();
    out.println(line);
    out.flush();
  }

  private static String target(JobPath job, Optional<InstanceSpec> instances) {
    return job + instances.map(i -> "/" + i).orElse("");
  }

  private static String activeText(SortedSet<Integer> active) {
    return active.isEmpty() ? " (it has no active instances)"
        : " (active: " + new InstanceSpec(active) + ")";
  }
}
