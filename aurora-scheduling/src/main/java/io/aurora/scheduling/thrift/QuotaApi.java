package io.aurora.scheduling.thrift;

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
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.storage.Storage;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Quota queries. {@code getQuota} returns the stored quota and the role's consumption by active
 * tasks, split into production/non-production and shared/dedicated. Quota is not enforced yet.
 */
public final class QuotaApi {
  private final Storage storage;

  public QuotaApi(Storage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  public Response getQuota(String role) {
    RequestChecks.checkRole("ownerRole", role);
    GetQuotaResult result = storage.read(s -> {
      ResourceBag[] sums = {ResourceBag.EMPTY, ResourceBag.EMPTY, ResourceBag.EMPTY, ResourceBag.EMPTY};
      for (ScheduledTask t : s.taskStore().fetchTasks(
          TaskQueries.byRole(role).statuses(Tasks.ACTIVE_STATES).build())) {
        TaskConfig c = t.getAssignedTask().getTask();
        boolean dedicated = c.isSetConstraints() && c.getConstraints().stream()
            .anyMatch(k -> FilterChain.DEDICATED_ATTRIBUTE.equals(k.getName()));
        int slot = (c.isProduction() ? 0 : 1) + (dedicated ? 2 : 0);
        sums[slot] = sums[slot].plus(ResourceBag.of(c.getResources()));
      }
      ResourceAggregate quota = s.quotaStore().fetchQuota(role)
          .orElse(new ResourceAggregate(aggregate(ResourceBag.EMPTY).getResources()));
      return new GetQuotaResult(quota)
          .setProdSharedConsumption(aggregate(sums[0]))
          .setNonProdSharedConsumption(aggregate(sums[1]))
          .setProdDedicatedConsumption(aggregate(sums[2]))
          .setNonProdDedicatedConsumption(aggregate(sums[3]));
    });
    return Responses.ok(Result.getQuotaResult(result));
  }

  private static ResourceAggregate aggregate(ResourceBag bag) {
    Set<Resource> resources = new HashSet<>();
    resources.add(Resource.numCpus(bag.cpus()));
    resources.add(Resource.ramMb(bag.ramMb()));
    resources.add(Resource.diskMb(bag.diskMb()));
    return new ResourceAggregate(resources);
  }
}
