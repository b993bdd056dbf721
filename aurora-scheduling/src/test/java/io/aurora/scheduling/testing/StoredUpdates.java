package io.aurora.scheduling.testing;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Metadata;
import io.aurora.gen.Range;
import io.aurora.gen.TaskConfig;
import io.aurora.storage.Storage;
import java.util.HashSet;
import java.util.Set;

/**
 * Job updates written straight to storage, as the updater leaves them: for tests of the update
 * reads, of the checks against active updates and of history pruning.
 */
public final class StoredUpdates {
  private StoredUpdates() {}

  /**
   * Stores update {@code id} of {@code job} by {@code user} with one update event per status, the
   * first at {@code createdMs} and each next one a millisecond later, in one write. The update
   * carries metadata {@code origin=test} and a desired state of instance 0.
   */
  public static JobUpdateKey store(Storage storage, JobKey job, String id, String user,
      long createdMs, JobUpdateStatus... statuses) {
    JobUpdateKey key = new JobUpdateKey(job.deepCopy(), id);
    TaskConfig config = new TaskConfig().setJob(job.deepCopy()).setIsService(true);
    JobUpdate update = new JobUpdate(
        new JobUpdateSummary().setKey(key.deepCopy()).setUser(user)
            .setMetadata(new HashSet<>(Set.of(new Metadata("origin", "test")))),
        new JobUpdateInstructions().setInitialState(new HashSet<>())
            .setDesiredState(new InstanceTaskConfig(config, new HashSet<>(Set.of(new Range(0, 0)))))
            .setSettings(new JobUpdateSettings().setMaxFailedInstances(1)));
    storage.write(s -> {
      s.jobUpdateStore().saveJobUpdate(update);
      long t = createdMs;
      for (JobUpdateStatus status : statuses) {
        s.jobUpdateStore().saveJobUpdateEvent(key,
            new JobUpdateEvent(status, t++).setUser(user).setMessage("to " + status));
      }
      return null;
    });
    return key;
  }

  /** Appends an update event. */
  public static void event(Storage storage, JobUpdateKey key, JobUpdateStatus status, long atMs) {
    storage.write(s -> {
      s.jobUpdateStore().saveJobUpdateEvent(key, new JobUpdateEvent(status, atMs));
      return null;
    });
  }

  /** Appends an instance event. */
  public static void instanceEvent(Storage storage, JobUpdateKey key, int instance,
      JobUpdateAction action, long atMs) {
    storage.write(s -> {
      s.jobUpdateStore().saveJobInstanceUpdateEvent(key,
          new JobInstanceUpdateEvent(instance, atMs, action));
      return null;
    });
  }
}
