package io.aurora.scheduling.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.gen.GetQuotaResult;
import io.aurora.gen.Identity;
import io.aurora.gen.InstanceKey;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.quota.QuotaMath;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** setQuota, getQuota and quota enforcement of createJob, addInstances and scheduleCronJob. */
class QuotaApiTest {
  private static final JobKey WEB = JobKeys.from("www", "prod", "web");
  private static final JobKey REPORT = JobKeys.from("www", "prod", "report");

  private final SchedulerHarness h = new SchedulerHarness();
  private final AuroraAdminService api;

  QuotaApiTest() {
    ApiOptions options = new ApiOptions("test-cluster", "", ApiOptions.DEFAULT_ENVIRONMENTS, 100,
        TierSettings.DEFAULTS);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CronTriggers cron = h.cronOn(h.writer, CronOptions.DEFAULTS, registry);
    TaskReconciler reconciler =
        new TaskReconciler(h.storage, h.driver, h.clock, h.timers, ReconcileOptions.DEFAULTS);
    api = new AuroraAdminService(options,
        new ReadApi(h.storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(h.storage), new JobsApi(h.writer, options),
        new CronApi(h.writer, options, cron), new UpdatesApi(h.updates, options),
        new QuotaApi(h.writer), new AdminApi(h.writer, reconciler, Optional.empty(), 1000),
        registry);
    cron.start();
  }

  private static JobConfiguration job(JobKey key, String tier, int instances) {
    TaskConfig config = Fixtures.config("www", key.getName(), 1, 256, 100).setTier(tier);
    config.unsetJob();
    return new JobConfiguration().setKey(key.deepCopy()).setOwner(new Identity().setUser("me"))
        .setTaskConfig(config).setInstanceCount(instances);
  }

  static ResourceAggregate quota(double cpus, long ram, long disk) {
    return new ResourceAggregate(Set.of(Resource.numCpus(cpus), Resource.ramMb(ram),
        Resource.diskMb(disk)));
  }

  private static void assertOk(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
  }

  private static String invalid(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails())
        .isEqualTo(ResponseCode.INVALID_REQUEST);
    return r.getDetails().get(0).getMessage();
  }

  private GetQuotaResult getQuota() {
    Response r = api.getQuota("www");
    assertOk(r);
    return r.getResult().getGetQuotaResult();
  }

  @Test
  void setQuota_isStoredAndReturnedByGetQuota() {
    assertThat(QuotaMath.of(getQuota().getQuota())).isEqualTo(ResourceBag.EMPTY);
    assertOk(api.setQuota("www", quota(4, 4096, 1000)));
    assertThat(QuotaMath.of(getQuota().getQuota())).isEqualTo(new ResourceBag(4, 4096, 1000, 0, 0));
    Optional<ResourceAggregate> stored = h.storage.read(s -> s.quotaStore().fetchQuota("www"));
    assertThat(stored).isPresent();
  }

  @Test
  void setQuota_refusesNegativesOtherResourcesAndMissingValues() {
    assertThat(invalid(api.setQuota("www", quota(-1, 10, -5))))
        .contains("negative").contains("numCpus -1.0").contains("diskMb -5");
    assertThat(invalid(api.setQuota("www", new ResourceAggregate(
        Set.of(Resource.numCpus(1), Resource.numGpus(1)))))).contains("numGpus");
    assertThat(invalid(api.setQuota("www", null))).contains("resources");
    assertThat(invalid(api.setQuota("bad role!", quota(1, 1, 1)))).contains("ownerRole");
  }

  @Test
  void setQuota_belowProductionConsumption_namesTheResource() {
    assertOk(api.setQuota("www", quota(4, 4096, 1000)));
    assertOk(api.createJob(job(WEB, "preferred", 2)));
    assertThat(invalid(api.setQuota("www", quota(4, 256, 1000))))
        .contains("below its current production consumption").contains("ramMb 256 < 512")
        .doesNotContain("cpus").doesNotContain("disk");
    assertOk(api.setQuota("www", quota(2, 512, 200)));
  }

  @Test
  void createJob_production_needsQuota_nonProductionDoesNot() {
    assertThat(invalid(api.createJob(job(WEB, "preferred", 1))))
        .startsWith("Insufficient resource quota: CPU quota exceeded by 1 cores");
    assertOk(api.createJob(job(WEB, "preemptible", 5)));
    assertOk(api.setQuota("www", quota(2, 1024, 1000)));
    String refusal = invalid(api.createJob(job(REPORT, "preferred", 3)));
    assertThat(refusal).contains("CPU quota exceeded by 1 cores").doesNotContain("RAM")
        .contains("www/prod/report");
    assertOk(api.createJob(job(REPORT, "preferred", 2)));
    GetQuotaResult q = getQuota();
    assertThat(QuotaMath.of(q.getProdSharedConsumption())).isEqualTo(new ResourceBag(2, 512, 200, 0, 0));
    assertThat(QuotaMath.of(q.getNonProdSharedConsumption()))
        .isEqualTo(new ResourceBag(5, 1280, 500, 0, 0));
    assertThat(QuotaMath.of(q.getProdDedicatedConsumption())).isEqualTo(ResourceBag.EMPTY);
  }

  @Test
  void addInstances_beyondQuota_isRefused() {
    assertOk(api.setQuota("www", quota(3, 1024, 1000)));
    assertOk(api.createJob(job(WEB, "preferred", 2)));
    assertThat(invalid(api.addInstances(new InstanceKey(WEB.deepCopy(), 0), 2)))
        .contains("Insufficient resource quota: CPU quota exceeded by 1 cores");
    assertOk(api.addInstances(new InstanceKey(WEB.deepCopy(), 0), 1));
  }

  @Test
  void cronTemplates_countAgainstQuota() {
    assertOk(api.setQuota("www", quota(3, 1024, 1000)));
    JobConfiguration cron = job(REPORT, "preferred", 4).setCronSchedule("0 * * * *");
    cron.getTaskConfig().setIsService(false);
    assertThat(invalid(api.scheduleCronJob(cron))).contains("CPU quota exceeded by 1 cores");
    assertOk(api.scheduleCronJob(cron.setInstanceCount(2)));
    // The template holds 2 of the 3 CPUs though none of its tasks run.
    assertThat(QuotaMath.of(getQuota().getProdSharedConsumption()).cpus()).isEqualTo(2);
    assertThat(invalid(api.createJob(job(WEB, "preferred", 2)))).contains("CPU quota exceeded");
    assertOk(api.createJob(job(WEB, "preferred", 1)));
  }
}
