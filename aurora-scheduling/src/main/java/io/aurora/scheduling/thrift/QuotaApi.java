package io.aurora.scheduling.thrift;

import static io.aurora.scheduling.thrift.InvalidRequestException.check;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.GetQuotaResult;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.quota.QuotaCheck;
import io.aurora.scheduling.quota.QuotaMath;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.scheduling.write.StateWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The quota calls. {@code getQuota} returns the stored quota (zero if none) and the role's
 * consumption split as Aurora's GetQuotaResult: production shared (what quota covers, counting
 * in-flight updates and cron templates as {@link QuotaCheck} does), and, from active tasks,
 * non-production shared and production/non-production dedicated. {@code setQuota} stores a
 * role's CPUs, RAM and disk durably, refusing negatives and amounts below what the role's
 * production work already uses.
 */
public final class QuotaApi {
  private final StateWriter writer;

  public QuotaApi(StateWriter writer) {
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  public Response getQuota(String role) {
    RequestChecks.checkRole("ownerRole", role);
    GetQuotaResult result = writer.storage().read(s -> {
      // Slots: 1 non-prod shared, 2 prod dedicated, 3 non-prod dedicated (0 is QuotaCheck's).
      ResourceBag[] sums = {ResourceBag.EMPTY, ResourceBag.EMPTY, ResourceBag.EMPTY, ResourceBag.EMPTY};
      for (ScheduledTask t : s.taskStore().fetchTasks(
          TaskQueries.byRole(role).statuses(Tasks.ACTIVE_STATES).build())) {
        TaskConfig c = t.getAssignedTask().getTask();
        boolean dedicated = c.isSetConstraints() && c.getConstraints().stream()
            .anyMatch(k -> FilterChain.DEDICATED_ATTRIBUTE.equals(k.getName()));
        int slot = (c.isProduction() ? 0 : 1) + (dedicated ? 2 : 0);
        sums[slot] = sums[slot].plus(QuotaMath.perTask(c));
      }
      return new GetQuotaResult(QuotaMath.aggregate(QuotaCheck.quota(s, role)))
          .setProdSharedConsumption(QuotaMath.aggregate(QuotaCheck.consumption(s, role)))
          .setNonProdSharedConsumption(QuotaMath.aggregate(sums[1]))
          .setProdDedicatedConsumption(QuotaMath.aggregate(sums[2]))
          .setNonProdDedicatedConsumption(QuotaMath.aggregate(sums[3]));
    });
    return Responses.ok(Result.getQuotaResult(result));
  }

  public Response setQuota(String role, ResourceAggregate quota) {
    RequestChecks.checkRole("ownerRole", role);
    ResourceBag asked = checkAggregate(quota);
    writer.write((stores, changes) -> {
      ResourceBag used = QuotaCheck.consumption(stores, role);
      List<String> below = new ArrayList<>();
      if (asked.cpus() + 1e-9 < used.cpus()) {
        below.add("cpus " + asked.cpus() + " < " + used.cpus());
      }
      if (asked.ramMb() < used.ramMb()) {
        below.add("ramMb " + asked.ramMb() + " < " + used.ramMb());
      }
      if (asked.diskMb() < used.diskMb()) {
        below.add("diskMb " + asked.diskMb() + " < " + used.diskMb());
      }
      check(below.isEmpty(), "Quota of role " + role + " would be below its current production "
          + "consumption: " + String.join(", ", below));
      stores.quotaStore().saveQuota(role, QuotaMath.aggregate(asked));
      return null;
    });
    return Responses.ok();
  }

  /** CPUs, RAM and disk, each at most once and none negative; nothing else. */
  private static ResourceBag checkAggregate(ResourceAggregate quota) {
    check(quota != null && quota.isSetResources(), "quota: resources are required");
    double cpus = 0;
    long ram = 0;
    long disk = 0;
    List<String> seen = new ArrayList<>();
    List<String> negative = new ArrayList<>();
    for (Resource r : quota.getResources()) {
      check(r != null && r.isSet(), "quota: a resource is unset");
      String name = r.getSetField().getFieldName();
      check(r.isSetNumCpus() || r.isSetRamMb() || r.isSetDiskMb(),
          "quota: only numCpus, ramMb and diskMb are allowed, got " + name);
      check(!seen.contains(name), "quota: " + name + " is given more than once");
      seen.add(name);
      if (r.isSetNumCpus()) {
        cpus = r.getNumCpus();
        check(Double.isFinite(cpus), "quota: numCpus must be a number, got " + cpus);
        if (cpus < 0) {
          negative.add("numCpus " + cpus);
        }
      } else if (r.isSetRamMb()) {
        ram = r.getRamMb();
        if (ram < 0) {
          negative.add("ramMb " + ram);
        }
      } else {
        disk = r.getDiskMb();
        if (disk < 0) {
          negative.add("diskMb " + disk);
        }
      }
    }
    check(negative.isEmpty(), "quota: negative values are not allowed: "
        + String.join(", ", negative));
    return new ResourceBag(cpus, ram, disk, 0, 0);
  }
}
