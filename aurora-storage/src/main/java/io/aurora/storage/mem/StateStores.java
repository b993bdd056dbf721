package io.aurora.storage.mem;

import io.aurora.gen.HostAttributes;
import io.aurora.gen.HostMaintenanceRequest;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.ResourceAggregate;
import io.aurora.storage.AttributeStore;
import io.aurora.storage.CronJobStore;
import io.aurora.storage.HostMaintenanceStore;
import io.aurora.storage.JobStore;
import io.aurora.storage.JobUpdateStore;
import io.aurora.storage.QuotaStore;
import io.aurora.storage.SchedulerStore;
import io.aurora.storage.StoreProvider;
import io.aurora.storage.TaskStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Read-only stores over a {@link StoreState} (a published version, or a transaction's draft). Every
 * struct returned is a copy.
 */
class StateStores implements StoreProvider {
  final Supplier<StoreState> state;

  StateStores(StoreState state) {
    this(() -> state);
  }

  StateStores(Supplier<StoreState> state) {
    this.state = state;
  }

  @Override
  public TaskStore taskStore() {
    return new StateTaskStore(() -> state.get().tasks);
  }

  @Override
  public JobStore jobStore() {
    return new Jobs(state);
  }

  @Override
  public CronJobStore cronJobStore() {
    return new CronJobs(state);
  }

  @Override
  public QuotaStore quotaStore() {
    return new Quotas(state);
  }

  @Override
  public AttributeStore attributeStore() {
    return new Attributes(state);
  }

  @Override
  public JobUpdateStore jobUpdateStore() {
    return new StateJobUpdateStore(state);
  }

  @Override
  public SchedulerStore schedulerStore() {
    return new Scheduler(state);
  }

  @Override
  public HostMaintenanceStore hostMaintenanceStore() {
    return new Maintenance(state);
  }

  static List<JobConfiguration> sortedJobs(PersistentMap<JobKey, JobConfiguration> jobs) {
    List<JobConfiguration> out = new ArrayList<>(jobs.size());
    jobs.forEach((k, v) -> out.add(v.deepCopy()));
    out.sort(Comparator.comparing(JobConfiguration::getKey));
    return out;
  }

  static class Jobs implements JobStore {
    final Supplier<StoreState> state;

    Jobs(Supplier<StoreState> state) {
      this.state = state;
    }

    @Override
    public List<JobConfiguration> fetchJobs() {
      return sortedJobs(state.get().jobs);
    }

    @Override
    public Optional<JobConfiguration> fetchJob(JobKey key) {
      return Optional.ofNullable(state.get().jobs.get(key)).map(JobConfiguration::deepCopy);
    }
  }

  static class CronJobs implements CronJobStore {
    final Supplier<StoreState> state;

    CronJobs(Supplier<StoreState> state) {
      this.state = state;
    }

    @Override
    public List<JobConfiguration> fetchJobs() {
      return sortedJobs(state.get().cronJobs);
    }

    @Override
    public Optional<JobConfiguration> fetchJob(JobKey key) {
      return Optional.ofNullable(state.get().cronJobs.get(key)).map(JobConfiguration::deepCopy);
    }
  }

  static class Quotas implements QuotaStore {
    final Supplier<StoreState> state;

    Quotas(Supplier<StoreState> state) {
      this.state = state;
    }

    @Override
    public Optional<ResourceAggregate> fetchQuota(String role) {
      return Optional.ofNullable(state.get().quotas.get(role)).map(ResourceAggregate::deepCopy);
    }

    @Override
    public Map<String, ResourceAggregate> fetchQuotas() {
      List<String> roles = state.get().quotas.keys();
      roles.sort(Comparator.naturalOrder());
      Map<String, ResourceAggregate> out = new LinkedHashMap<>();
      roles.forEach(role -> out.put(role, state.get().quotas.get(role).deepCopy()));
      return out;
    }
  }

  static class Attributes implements AttributeStore {
    final Supplier<StoreState> state;

    Attributes(Supplier<StoreState> state) {
      this.state = state;
    }

    @Override
    public Optional<HostAttributes> fetchHostAttributes(String host) {
      return Optional.ofNullable(state.get().hosts.get(host)).map(HostAttributes::deepCopy);
    }

    @Override
    public Map<String, MaintenanceMode> fetchMaintenanceModes() {
      Map<String, MaintenanceMode> out = new HashMap<>();
      state.get().hosts.forEach((k, v) -> {
        if (v.isSetMode()) {
          out.put(k, v.getMode());
        }
      });
      return out;
    }

    @Override
    public List<HostAttributes> fetchHostAttributes() {
      List<HostAttributes> out = new ArrayList<>();
      state.get().hosts.forEach((k, v) -> out.add(v.deepCopy()));
      out.sort(Comparator.comparing(HostAttributes::getHost));
      return out;
    }
  }

  static class Scheduler implements SchedulerStore {
    final Supplier<StoreState> state;

    Scheduler(Supplier<StoreState> state) {
      this.state = state;
    }

    @Override
    public Optional<String> fetchFrameworkId() {
      return state.get().frameworkId;
    }
  }

  static class Maintenance implements HostMaintenanceStore {
    final Supplier<StoreState> state;

    Maintenance(Supplier<StoreState> state) {
      this.state = state;
    }

    @Override
    public Optional<HostMaintenanceRequest> fetchHostMaintenanceRequest(String host) {
      return Optional.ofNullable(state.get().maintenance.get(host))
          .map(HostMaintenanceRequest::deepCopy);
    }

    @Override
    public List<HostMaintenanceRequest> fetchHostMaintenanceRequests() {
      List<HostMaintenanceRequest> out = new ArrayList<>();
      state.get().maintenance.forEach((k, v) -> out.add(v.deepCopy()));
      out.sort(Comparator.comparing(HostMaintenanceRequest::getHost));
      return out;
    }
  }
}
