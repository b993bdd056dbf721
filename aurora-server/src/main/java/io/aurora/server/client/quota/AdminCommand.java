package io.aurora.server.client.quota;

import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora admin}: administrator calls. Today {@code set-quota}, Aurora's
 * {@code aurora_admin set_quota} in the one client entry point.
 */
@Command(name = "admin", description = "Administrator calls: set a role's quota.")
public final class AdminCommand {
  private final ClientContext context;

  AdminCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Command(name = "set-quota", sortOptions = false,
      description = {"Sets the role's production quota to CPUS cores, RAM and DISK, replacing "
          + "the previous quota.",
          "RAM and DISK take a unit: 512MB, 4GB, 1TB (binary: 1GB = 1024MB). The scheduler "
          + "refuses amounts below what the role's production work already uses."})
  int setQuota(
      @Parameters(index = "0", paramLabel = "CLUSTER/ROLE", converter = RolePath.Converter.class,
          description = "The role.") RolePath role,
      @Parameters(index = "1", paramLabel = "CPUS", description = "Cores, e.g. 8 or 2.5.")
          double cpus,
      @Parameters(index = "2", paramLabel = "RAM", converter = Megabytes.Converter.class,
          description = "RAM, e.g. 16GB.") long ramMb,
      @Parameters(index = "3", paramLabel = "DISK", converter = Megabytes.Converter.class,
          description = "Disk, e.g. 200GB.") long diskMb) {
    if (!Double.isFinite(cpus) || cpus < 0) {
      throw ClientFailure.invalidParameter("CPUS must be a number of cores, 0 or more, got " + cpus);
    }
    ResourceAggregate quota = new ResourceAggregate(Set.of(Resource.numCpus(cpus),
        Resource.ramMb(ramMb), Resource.diskMb(diskMb)));
    context.scheduler(role.cluster()).ok(api -> api.setQuota(role.role(), quota));
    context.out().println("set the quota of role " + role.role() + " in " + role.cluster() + " to "
        + QuotaCommand.cores(cpus) + ", " + QuotaCommand.size(ramMb) + " RAM, "
        + QuotaCommand.size(diskMb) + " disk");
    context.out().flush();
    return ExitCodes.OK;
  }
}
