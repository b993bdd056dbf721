package io.aurora.server.client.job;

import picocli.CommandLine.Command;

/**
 * {@code aurora job}: the job verbs Aurora's client has, each a class of its own: create, kill,
 * killall, restart, add, status, list, inspect, diff, open.
 */
@Command(name = "job", description = "Create, inspect, change and kill jobs.",
    subcommands = {JobCreateCommand.class, JobStatusCommand.class, JobListCommand.class,
        JobInspectCommand.class, JobDiffCommand.class, JobAddCommand.class,
        JobRestartCommand.class, JobKillCommand.class, JobKillallCommand.class,
        JobOpenCommand.class})
public final class JobCommand {
  /** The noun only groups its verbs. */
  JobCommand() {}
}
