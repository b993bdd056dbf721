package io.aurora.server.client.quota;

import io.aurora.gen.GetQuotaResult;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.TextTable;
import io.aurora.server.client.job.StructJson;
import java.math.BigDecimal;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora quota get}: a role's quota, what its production (non-dedicated) work consumes,
 * and what is free, one row per resource, from the scheduler's {@code getQuota}. With
 * {@code --write-json} it prints the {@code GetQuotaResult} itself as one line of JSON (field
 * names as in the IDL, as Aurora's client prints it), for scripts.
 */
@Command(name = "quota", description = "Show a role's production quota.")
public final class QuotaCommand {
  private final ClientContext context;

  QuotaCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Command(name = "get", sortOptions = false,
      description = {"Shows the role's quota, its production consumption (active production "
          + "tasks, the larger footprint of an update in flight, production cron templates) and "
          + "what is free.",
          "Only production tasks without a 'dedicated' constraint count against quota."})
  int get(
      @Parameters(paramLabel = "CLUSTER/ROLE", converter = RolePath.Converter.class,
          description = "The role.") RolePath role,
      @Option(names = "--write-json",
          description = "Print the scheduler's GetQuotaResult as JSON for scripts instead of a table.")
          boolean writeJson) {
    Response r = context.scheduler(role.cluster()).ok(api -> api.getQuota(role.role()));
    if (!r.isSetResult() || !r.getResult().isSetGetQuotaResult()) {
      throw new ClientFailure(ExitCodes.API_ERROR, "the scheduler's getQuota answer has no result");
    }
    GetQuotaResult q = r.getResult().getGetQuotaResult();
    if (writeJson) {
      context.out().println(StructJson.compact(StructJson.of(q)));
      return ExitCodes.OK;
    }
    Amounts quota = Amounts.of(q.getQuota());
    Amounts used = Amounts.of(q.getProdSharedConsumption());
    TextTable table = new TextTable("RESOURCE", "QUOTA", "PROD CONSUMPTION", "FREE");
    table.row("CPU", cores(quota.cpus), cores(used.cpus), cores(quota.cpus - used.cpus));
    table.row("RAM", size(quota.ramMb), size(used.ramMb), size(quota.ramMb - used.ramMb));
    table.row("Disk", size(quota.diskMb), size(used.diskMb), size(quota.diskMb - used.diskMb));
    context.out().println("Quota of role " + role.role() + " in " + role.cluster() + ":");
    table.print(context.out());
    return ExitCodes.OK;
  }

  /** {@code 2.5 cores}, without float noise. */
  static String cores(double cpus) {
    BigDecimal rounded = BigDecimal.valueOf(cpus).setScale(3, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros();
    return rounded.toPlainString() + (rounded.compareTo(BigDecimal.ONE) == 0 ? " core" : " cores");
  }

  /** MB in the largest binary unit that shows it exactly: {@code 512MB}, {@code 4GB}. */
  static String size(long mb) {
    if (mb != 0 && mb % (1024 * 1024) == 0) {
      return mb / (1024 * 1024) + "TB";
    }
    if (mb != 0 && mb % 1024 == 0) {
      return mb / 1024 + "GB";
    }
    return mb + "MB";
  }

  /** CPUs, RAM and disk of an aggregate (absent: zero). */
  private record Amounts(double cpus, long ramMb, long diskMb) {
    static Amounts of(ResourceAggregate aggregate) {
      double cpus = 0;
      long ram = 0;
      long disk = 0;
      if (aggregate != null && aggregate.isSetResources()) {
        for (Resource r : aggregate.getResources()) {
          if (r.isSetNumCpus()) {
            cpus += r.getNumCpus();
          } else if (r.isSetRamMb()) {
            ram += r.getRamMb();
          } else if (r.isSetDiskMb()) {
            disk += r.getDiskMb();
          }
        }
      }
      return new Amounts(cpus, ram, disk);
    }
  }
}
