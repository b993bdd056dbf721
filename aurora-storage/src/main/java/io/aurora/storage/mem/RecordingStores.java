package io.aurora.storage.mem;

import static com.google.common.base.Preconditions.checkArgument;

import io.aurora.gen.HostAttributes;
import io.aurora.gen.HostMaintenanceRequest;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.storage.Op;
import io.aurora.gen.storage.RemoveCronJob;
import io.aurora.gen.storage.RemoveHostMaintenanceRequest;
import io.aurora.gen.storage.RemoveJob;
import io.aurora.gen.storage.RemoveJobUpdates;
import io.aurora.gen.storage.RemoveQuota;
import io.aurora.gen.storage.RemoveTaskConfigs;
import io.aurora.gen.storage.SaveCronJob;
import io.aurora.gen.storage.SaveFrameworkId;
import io.aurora.gen.storage.SaveHostAttributes;
import io.aurora.gen.storage.SaveHostMaintenanceRequest;
import io.aurora.gen.storage.SaveJobConfiguration;
import io.aurora.gen.storage.SaveJobInstanceUpdateEvent;
import io.aurora.gen.storage.SaveJobUpdate;
import io.aurora.gen.storage.SaveJobUpdateEvent;
import io.aurora.gen.storage.SaveQuota;
import io.aurora.storage.AttributeStore;
import io.aurora.storage.CronJobStore;
import io.aurora.storage.HostMaintenanceStore;
import io.aurora.storage.JobStore;
import io.aurora.storage.JobUpdateStore;
import io.aurora.storage.MutableStoreProvider;
import io.aurora.storage.QuotaStore;
import io.aurora.storage.SchedulerStore;
import io.aurora.storage.TaskStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The stores of one write transaction: each mutation is validated, turned into an {@link Op},
 * applied to the transaction's {@link StateDraft} and recorded. The recorded ops, applied in order
 * to the state the transaction started from, give the state it ends with; that is what the durable
 * storage writes to the log.
 */
public final class RecordingStores extends StateStores implements MutableStoreProvider {
  private final StateDraft draft;
  private final List<Op> ops = new ArrayList<>();
  /** Configs that may have lost their last task in this transaction. */
  final Set<String> maybeOrphanedConfigs = new HashSet<>();

  public RecordingStores(StateDraft draft) {
    super(draft::current);
    this.draft = draft;
  }

  /** Applies and records one op. */
  void record(Op op) {
    draft.apply(op);
    ops.add(op);
  }

  /** The draft this transaction applies its ops to. */
  public StateDraft draft() {
    return draft;
  }

  /**
   * Ends the transaction: drops configs no task refers to any more (recording the op), and
   * returns every op recorded, in order.
   */
  public List<Op> finish() {
    Set<String> orphaned = new HashSet<>();
    for (String id : maybeOrphanedConfigs) {
      TaskTable.ConfigRecord record = draft.tasks().configs.get(id);
      if (record != null && record.refs() == 0) {
        orphaned.add(id);
      }
    }
    maybeOrphanedConfigs.clear();
    if (!orphaned.isEmpty()) {
      record(Op.removeTaskConfigs(new RemoveTaskConfigs(orphaned)));
    }
    return List.copyOf(ops);
  }

  @Override
  public TaskStore.Mutable taskStore() {
    return new RecordingTaskStore(this);
  }

  @Override
  public JobStore.Mutable jobStore() {
    return new MutableJobs();
  }

  @Override
  public CronJobStore.Mutable cronJobStore() {
    return new MutableCronJobs();
  }

  @Override
  public QuotaStore.Mutable quotaStore() {
    return new MutableQuotas();
  }

  @Override
  public AttributeStore.Mutable attributeStore() {
    return new MutableAttributes();
  }

  @Override
  public JobUpdateStore.Mutable jobUpdateStore() {
    return new MutableJobUpdates();
  }

  @Override
  public SchedulerStore.Mutable schedulerStore() {
    return new MutableScheduler();
  }

  @Override
  public HostMaintenanceStore.Mutable hostMaintenanceStore() {
    return new MutableMaintenance();
  }

  private static JobKey checkedKey(JobConfiguration config) {
    Objects.requireNonNull(config, "config");
    checkArgument(config.getKey() != null, "job configuration has no key: %s", config);
    return config.getKey();
  }

  private final class MutableJobs extends Jobs implements JobStore.Mutable {
    MutableJobs() {
      super(RecordingStores.this.state);
    }

    @Override
    public void saveJob(JobConfiguration config) {
      checkedKey(config);
      record(Op.saveJobConfiguration(new SaveJobConfiguration(config.deepCopy())));
    }

    @Override
    public void removeJob(JobKey key) {
      if (state.get().jobs.containsKey(key)) {
        record(Op.removeJob(new RemoveJob(key.deepCopy())));
      }
    }
  }

  private final class MutableCronJobs extends CronJobs implements CronJobStore.Mutable {
    MutableCronJobs() {
      super(RecordingStores.this.state);
    }

    @Override
    public void saveAcceptedJob(JobConfiguration config) {
      checkedKey(config);
      record(Op.saveCronJob(new SaveCronJob(config.deepCopy())));
    }

    @Override
    public void removeJob(JobKey key) {
      if (state.get().cronJobs.containsKey(key)) {
        record(Op.removeCronJob(new RemoveCronJob(key.deepCopy())));
      }
    }
  }

  private final class MutableQuotas extends Quotas implements QuotaStore.Mutable {
    MutableQuotas() {
      super(RecordingStores.this.state);
    }

    @Override
    public void saveQuota(String role, ResourceAggregate quota) {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(quota, "quota");
      record(Op.saveQuota(new SaveQuota(role, quota.deepCopy())));
    }

    @Override
    public void removeQuota(String role) {
      if (state.get().quotas.containsKey(role)) {
        record(Op.removeQuota(new RemoveQuota(role)));
      }
    }
  }

  private final class MutableAttributes extends Attributes implements AttributeStore.Mutable {
    MutableAttributes() {
      super(RecordingStores.this.state);
    }

    @Override
    public boolean saveHostAttributes(HostAttributes attributes) {
      Objects.requireNonNull(attributes, "attributes");
      checkArgument(attributes.getHost() != null, "host attributes without a host");
      HostAttributes merged = attributes.deepCopy();
      HostAttributes old = state.get().hosts.get(attributes.getHost());
      if (!merged.isSetMode()) {
        merged.setMode(old == null ? MaintenanceMode.NONE : old.getMode());
      }
      if (merged.equals(old)) {
        return false;
      }
      record(Op.saveHostAttributes(new SaveHostAttributes(merged)));
      return true;
    }
  }

  private final class MutableJobUpdates extends StateJobUpdateStore
      implements JobUpdateStore.Mutable {
    MutableJobUpdates() {
      super(RecordingStores.this.state);
    }

    @Override
    public void saveJobUpdate(JobUpdate update) {
      Objects.requireNonNull(update, "update");
      checkArgument(update.getSummary() != null && update.getSummary().getKey() != null,
          "job update without a key");
      record(Op.saveJobUpdate(new SaveJobUpdate(update.deepCopy())));
    }

    @Override
    public void saveJobUpdateEvent(JobUpdateKey key, JobUpdateEvent event) {
      checkArgument(state.get().updates.containsKey(key), "unknown job update %s", key);
      record(Op.saveJobUpdateEvent(new SaveJobUpdateEvent(key.deepCopy(), event.deepCopy())));
    }

    @Override
    public void saveJobInstanceUpdateEvent(JobUpdateKey key, JobInstanceUpdateEvent event) {
      checkArgument(state.get().updates.containsKey(key), "unknown job update %s", key);
      record(Op.saveJobInstanceUpdateEvent(
          new SaveJobInstanceUpdateEvent(key.deepCopy(), event.deepCopy())));
    }

    @Override
    public void removeJobUpdates(Set<JobUpdateKey> keys) {
      Set<JobUpdateKey> present = new HashSet<>();
      for (JobUpdateKey key : keys) {
        if (state.get().updates.containsKey(key)) {
          present.add(key.deepCopy());
        }
      }
      if (!present.isEmpty()) {
        record(Op.removeJobUpdates(new RemoveJobUpdates(present)));
      }
    }
  }

  private final class MutableScheduler extends Scheduler implements SchedulerStore.Mutable {
    MutableScheduler() {
      super(RecordingStores.this.state);
    }

    @Override
    public void saveFrameworkId(String frameworkId) {
      Objects.requireNonNull(frameworkId, "frameworkId");
      if (!state.get().frameworkId.equals(java.util.Optional.of(frameworkId))) {
        record(Op.saveFrameworkId(new SaveFrameworkId(frameworkId)));
      }
    }
  }

  private final class MutableMaintenance extends Maintenance
      implements HostMaintenanceStore.Mutable {
    MutableMaintenance() {
      super(RecordingStores.this.state);
    }

    @Override
    public void saveHostMaintenanceRequest(HostMaintenanceRequest request) {
      Objects.requireNonNull(request, "request");
      checkArgument(request.getHost() != null, "maintenance request without a host");
      record(Op.saveHostMaintenanceRequest(new SaveHostMaintenanceRequest(request.deepCopy())));
    }

    @Override
    public void removeHostMaintenanceRequest(String host) {
      if (state.get().maintenance.containsKey(host)) {
        record(Op.removeHostMaintenanceRequest(new RemoveHostMaintenanceRequest(host)));
      }
    }
  }
}
