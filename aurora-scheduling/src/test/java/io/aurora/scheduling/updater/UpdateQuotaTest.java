package io.aurora.scheduling.updater;

import static io.aurora.scheduling.updater.UpdateScenario.JOB;
import static io.aurora.scheduling.updater.UpdateScenario.ok;
import static io.aurora.scheduling.updater.UpdateScenario.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.quota.QuotaMath;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** startJobUpdate checks quota: an update counts the larger of its old and new footprints. */
class UpdateQuotaTest {
  private static final Duration WATCH = Duration.ofSeconds(30);
  private final UpdateScenario s = new UpdateScenario();

  private static TaskConfig prod(String version) {
    return UpdateScenario.config(version).setTier("preferred");
  }

  private void createProdJob(JobKey key, int instances) {
    TaskConfig config = prod("v1");
    config.setJob(key.deepCopy());
    ok(s.api.createJob(new JobConfiguration().setKey(key.deepCopy())
        .setOwner(new Identity().setUser("www")).setTaskConfig(config)
        .setInstanceCount(instances)));
  }

  private void setQuota(double cpus, long ram, long disk) {
    ok(s.api.setQuota("www", new ResourceAggregate(Set.of(Resource.numCpus(cpus),
        Resource.ramMb(ram), Resource.diskMb(disk)))));
  }

  private static String invalid(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails())
        .isEqualTo(ResponseCode.INVALID_REQUEST);
    return r.getDetails().get(0).getMessage();
  }

  @Test
  void anUpdateThatGrowsTheJobPastQuota_isRefused_naming_cpus() {
    setQuota(2, 4096, 1000);
    createProdJob(JOB, 3);
    s.runPending();
    String refusal = invalid(s.api.startJobUpdate(
        new JobUpdateRequest(prod("v2"), 5, settings(1, WATCH)), null));
    assertThat(refusal).startsWith("Insufficient resource quota: CPU quota exceeded by 0.5 cores")
        .doesNotContain("RAM");
    assertThat(s.api.getJobUpdateSummaries(null).getResult().getGetJobUpdateSummariesResult()
        .getUpdateSummaries()).isEmpty();
  }

  @Test
  void anUpdateInFlight_holdsTheLargerFootprint_untilItEnds() {
    setQuota(2, 4096, 1000);
    createProdJob(JOB, 3);
    s.runPending();
    s.h.advance(Duration.ofMinutes(5));
    JobUpdateKey key = s.start(new JobUpdateRequest(prod("v2"), 4, settings(1, WATCH)));
    assertThat(QuotaMath.of(s.api.getQuota("www").getResult().getGetQuotaResult()
        .getProdSharedConsumption()).cpus()).isEqualTo(2);
    JobKey other = JobKeys.from("www", "prod", "other");
    assertThat(invalid(s.api.createJob(new JobConfiguration().setKey(other.deepCopy())
        .setOwner(new Identity().setUser("www")).setTaskConfig(prod("v1").setJob(other.deepCopy()))
        .setInstanceCount(1)))).contains("CPU quota exceeded by 0.5 cores");

    assertThat(s.drive(key, Duration.ofSeconds(10), 200)).isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(QuotaMath.of(s.api.getQuota("www").getResult().getGetQuotaResult()
        .getProdSharedConsumption()).cpus()).isEqualTo(2);
  }
}
