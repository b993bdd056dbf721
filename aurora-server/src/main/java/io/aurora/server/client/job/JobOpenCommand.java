package io.aurora.server.client.job;

import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.SchedulerHandle;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora job open}: prints the address of the scheduler's web page of a job, an environment
 * or a role ({@code <scheduler>/scheduler/ROLE/ENV/NAME}). Aurora's client opens a browser on it;
 * printing it works over ssh too and scripts can hand it on.
 */
@Command(name = "open", sortOptions = false,
    description = "Prints the address of the web page of a job, environment or role.")
final class JobOpenCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CLUSTER[/ROLE[/ENV[/NAME]]]", converter = JobPattern.Converter.class,
      description = "What to show: a job, the jobs of an environment or of a role.")
  JobPattern pattern;

  private final ClientContext context;

  JobOpenCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    if (pattern.toString().contains("*") || pattern.toString().contains("?")) {
      throw ClientFailure.invalidParameter("a page has no wildcards: '" + pattern + "'");
    }
    SchedulerHandle scheduler = context.scheduler(pattern.cluster()).handle();
    context.out().println(scheduler.page(JobPages.of(pattern)));
    context.out().flush();
    return ExitCodes.OK;
  }
}
