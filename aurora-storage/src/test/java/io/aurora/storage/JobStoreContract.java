package io.aurora.storage;

import static io.aurora.storage.StoreFixtures.job;
import static io.aurora.storage.StoreFixtures.jobConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobConfiguration;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link JobStore} and {@link CronJobStore} (same shape, separate contents). */
public abstract class JobStoreContract {

  protected abstract Storage storage();

  @Test
  public void saveJob_replacesByKey_andRemoveDeletes() {
    Storage storage = storage();
    JobConfiguration b = jobConfig(job("b"), 2);
    JobConfiguration a = jobConfig(job("a"), 1);
    storage.write(s -> {
      s.jobStore().saveJob(b);
      s.jobStore().saveJob(a);
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.jobStore().fetchJobs())).containsExactly(a, b);

    JobConfiguration bigger = jobConfig(job("b"), 5);
    storage.write(s -> {
      s.jobStore().saveJob(bigger);
      s.jobStore().removeJob(job("a"));
      s.jobStore().removeJob(job("unknown"));
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.jobStore().fetchJob(job("b")))).contains(bigger);
    assertThat(storage.read((StoreProvider s) -> s.jobStore().fetchJob(job("a")))).isEmpty();
  }

  @Test
  public void cronJobs_areSeparateFromServiceJobs() {
    Storage storage = storage();
    JobConfiguration cron = jobConfig(job("nightly"), 1).setCronSchedule("0 2 * * *");
    storage.write(s -> {
      s.cronJobStore().saveAcceptedJob(cron);
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.cronJobStore().fetchJobs())).containsExactly(cron);
    assertThat(storage.read((StoreProvider s) -> s.jobStore().fetchJobs())).isEmpty();

    storage.write(s -> {
      s.cronJobStore().removeJob(job("nightly"));
      return null;
    });
    assertThat(storage.read((StoreProvider s) -> s.cronJobStore().fetchJob(job("nightly")))).isEmpty();
  }
}
