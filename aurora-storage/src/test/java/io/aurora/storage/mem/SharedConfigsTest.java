package io.aurora.storage.mem;

import static io.aurora.storage.StoreFixtures.config;
import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static io.aurora.storage.StoreFixtures.jobConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.Range;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.storage.Snapshot;
import io.aurora.storage.StoreFixtures;
import java.util.HashSet;
import java.util.Set;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.junit.jupiter.api.Test;

/** Job configurations and job updates hold the tasks' stored configs, not copies. */
class SharedConfigsTest {
  private static final String DATA = "{\"cmd\":\"serve\"}";
  private static final JobKey JOB = job("web");
  private static final JobUpdateKey UPDATE = new JobUpdateKey(JOB, "u1");

  /** An update of JOB from the current config (instances 0-2) to the same config (0-3). */
  private static JobUpdate update() {
    JobUpdate update = StoreFixtures.update(JOB, "u1", "me");
    Set<Range> current = new HashSet<>(Set.of(new Range(0, 2)));
    update.getInstructions().setInitialState(new HashSet<>(Set.of(
        new InstanceTaskConfig(config(JOB, DATA), current))));
    update.getInstructions().setDesiredState(new InstanceTaskConfig(config(JOB, DATA),
        new HashSet<>(Set.of(new Range(0, 3)))));
    return update;
  }

  private static JobConfiguration webJob() {
    JobConfiguration job = jobConfig(JOB, 3);
    job.setTaskConfig(config(JOB, DATA));
    return job;
  }

  private static void assertShared(StoreState state) {
    TaskConfig stored = state.tasks.config(state.tasks.tasks.get("web-0").configId());
    assertThat(state.jobs.get(JOB).getTaskConfig()).isSameAs(stored);
    assertThat(state.cronJobs.get(JOB).getTaskConfig()).isSameAs(stored);
    JobUpdate update = state.updates.get(UPDATE).update();
    assertThat(update.getInstructions().getDesiredState().getTask()).isSameAs(stored);
    assertThat(update.getInstructions().getInitialState())
        .allMatch(i -> i.getTask() == stored);
  }

  /** Tasks, then a job, a cron job and an update with the tasks' config (each its own copy). */
  private static StoreState tasksThenJobs(long position) {
    RecordingStores tx = new RecordingStores(new StateDraft(StoreState.empty()));
    tx.taskStore().saveTasks(instances(JOB, 3, DATA));
    tx.jobStore().saveJob(webJob());
    tx.cronJobStore().saveAcceptedJob(webJob().setCronSchedule("* * * * *"));
    tx.jobUpdateStore().saveJobUpdate(update());
    tx.finish();
    return tx.draft().toState(position);
  }

  @Test
  public void jobsAndUpdatesSavedAfterTheTasks_holdTheTasksConfig() {
    assertShared(tasksThenJobs(1));
  }

  @Test
  public void tasksSavedAfterTheJob_holdTheJobsConfig() {
    RecordingStores tx = new RecordingStores(new StateDraft(StoreState.empty()));
    tx.jobStore().saveJob(webJob());
    tx.cronJobStore().saveAcceptedJob(webJob().setCronSchedule("* * * * *"));
    tx.jobUpdateStore().saveJobUpdate(update());
    tx.taskStore().saveTasks(instances(JOB, 3, DATA));
    tx.finish();
    StoreState state = tx.draft().toState(1);
    assertShared(state);
    assertThat(state.tasks.config(state.tasks.tasks.get("web-0").configId()))
        .isSameAs(state.jobs.get(JOB).getTaskConfig());
  }

  @Test
  public void aDifferentConfig_isNotShared_andTheCallersStructsAreUntouched() {
    RecordingStores tx = new RecordingStores(new StateDraft(StoreState.empty()));
    tx.taskStore().saveTasks(instances(JOB, 3, DATA));
    JobConfiguration other = webJob();
    other.setTaskConfig(config(JOB, "{\"cmd\":\"other\"}"));
    tx.jobStore().saveJob(other);
    JobUpdate update = update();
    tx.jobUpdateStore().saveJobUpdate(update);
    tx.finish();
    StoreState state = tx.draft().toState(1);
    TaskConfig stored = state.tasks.config(state.tasks.tasks.get("web-0").configId());
    assertThat(state.jobs.get(JOB).getTaskConfig()).isNotSameAs(stored).isEqualTo(
        other.getTaskConfig());
    assertThat(update.getInstructions().getDesiredState().getTask()).isNotSameAs(stored);
    assertThat(state.updates.get(UPDATE).update()).isEqualTo(update);
  }

  @Test
  public void recoveryFromASnapshot_keepsTheSharing() throws Exception {
    Snapshot snapshot = tasksThenJobs(5).toSnapshot(0);
    // Through bytes, as recovery reads it: every config arrives as a separate object.
    byte[] bytes = new TSerializer(new TBinaryProtocol.Factory()).serialize(snapshot);
    Snapshot read = new Snapshot();
    new TDeserializer(new TBinaryProtocol.Factory()).deserialize(read, bytes);
    StoreState recovered = StoreState.fromSnapshot(read);
    assertShared(recovered);
    assertThat(recovered.toSnapshot(0)).isEqualTo(snapshot);
  }
}
