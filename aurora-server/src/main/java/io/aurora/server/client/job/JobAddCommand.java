package io.aurora.server.client.job;

import io.aurora.gen.InstanceKey;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.SchedulerCalls;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora job add}: adds COUNT instances to a job with the config of one of its active
 * instances ({@code addInstances}); the new instances take the ids after the highest active one.
 */
@Command(name = "add", sortOptions = false,
    description = {"Adds COUNT instances to the job, copying the config of INSTANCE.",
        "Exits 6 if INSTANCE is not active."})
final class JobAddCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME/INSTANCE",
      converter = JobInstances.Converter.class,
      description = "The job and the active instance whose config the new ones copy.")
  JobInstances target;

  @Parameters(index = "1", paramLabel = "COUNT", description = "How many instances to add.")
  int count;

  @Option(names = "--wait-until", paramLabel = "STATE", defaultValue = "PENDING",
      description = "Wait until every new instance is PENDING (created; the default), RUNNING "
          + "(running or ended) or FINISHED (ended).")
  WaitUntil waitUntil;

  private final ClientContext context;

  JobAddCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    JobPath job = target.job();
    if (target.instances().isEmpty() || target.instances().get().ids().size() != 1) {
      throw ClientFailure.invalidParameter("name one instance to copy, as in " + job + "/0");
    }
    if (count < 1) {
      throw ClientFailure.invalidParameter("COUNT must be at least 1, got " + count);
    }
    int instance = target.instances().get().ids().first();
    SchedulerCalls scheduler = context.scheduler(job.cluster());
    SortedSet<Integer> active = InstanceTasks.activeInstances(scheduler, job);
    if (!active.contains(instance)) {
      throw ClientFailure.invalidParameter("instance " + instance + " of " + job
          + " is not active" + (active.isEmpty() ? " (the job has no active instances)"
              : " (active: " + new InstanceSpec(active) + ")"));
    }
    scheduler.ok(api -> api.addInstances(new InstanceKey(job.jobKey(), instance), count));
    SortedSet<Integer> added = new TreeSet<>();
    for (int i = 1; i <= count; i++) {
      added.add(active.last() + i);
    }
    if (waitUntil.waits()) {
      new TaskWaiter(scheduler, context.sleeper(), context.progressLine())
          .await(job, Optional.of(added), waitUntil.goal(), waitUntil::reached, false);
    }
    PrintWriter out = context.out();
    out.println("added " + job + "/" + new InstanceSpec(added));
    out.flush();
    return ExitCodes.OK;
  }
}
