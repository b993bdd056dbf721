package io.aurora.scheduling.updater;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.log.InMemoryLog;
import io.aurora.scheduling.quota.QuotaMath;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.durable.DurableStorage;
import io.aurora.storage.testing.InMemoryDurableStorages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** setQuota is durable: the next leader, replaying the log, has the quota and enforces it. */
class QuotaFailoverTest {
  private final ScheduledExecutorService storageTimers =
      Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final InMemoryLog log = new InMemoryLog();
  @TempDir Path backups;

  @AfterEach
  void stop() {
    storageTimers.shutdownNow();
    committer.shutdownNow();
  }

  private DurableStorage leadingStorage(String name) throws Exception {
    DurableStorage storage = InMemoryDurableStorages.started(log, backups.resolve(name),
        Clock.systemUTC(), storageTimers, committer);
    storage.lead();
    return storage;
  }

  @Test
  void theNextLeader_hasTheQuota() throws Exception {
    DurableStorage first = leadingStorage("first");
    UpdateScenario a = new UpdateScenario(new SchedulerHarness(first));
    UpdateScenario.ok(a.api.setQuota("www", new ResourceAggregate(Set.of(
        Resource.numCpus(1), Resource.ramMb(1024), Resource.diskMb(100)))));
    first.close();

    DurableStorage second = leadingStorage("second");
    UpdateScenario b = new UpdateScenario(new SchedulerHarness(second));
    Response q = b.api.getQuota("www");
    assertThat(QuotaMath.of(q.getResult().getGetQuotaResult().getQuota()))
        .isEqualTo(new ResourceBag(1, 1024, 100, 0, 0));
    // Two 0.5-CPU production instances fit the 1 CPU; a third does not.
    JobConfiguration job = new JobConfiguration()
        .setKey(UpdateScenario.JOB.deepCopy()).setOwner(new Identity().setUser("www"))
        .setTaskConfig(UpdateScenario.config("v1").setTier("preferred")).setInstanceCount(3);
    Response refused = b.api.createJob(job);
    assertThat(refused.getResponseCode()).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(refused.getDetails().get(0).getMessage()).startsWith("Insufficient resource quota");
    UpdateScenario.ok(b.api.createJob(job.setInstanceCount(2)));
    second.close();
  }
}
