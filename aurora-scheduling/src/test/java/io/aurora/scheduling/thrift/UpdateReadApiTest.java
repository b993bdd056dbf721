package io.aurora.scheduling.thrift;

import static io.aurora.gen.JobUpdateStatus.ABORTED;
import static io.aurora.gen.JobUpdateStatus.ROLLED_FORWARD;
import static io.aurora.gen.JobUpdateStatus.ROLLING_FORWARD;
import static io.aurora.gen.JobUpdateStatus.ROLL_FORWARD_PAUSED;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.gen.GetJobUpdateDetailsResult;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateState;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Metadata;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.scheduling.testing.StoredUpdates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * getJobUpdateSummaries and getJobUpdateDetails through the API on real in-memory storage, with
 * updates written straight to the store. The fixture, most recently modified first:
 * B (www/prod/web by bob, rolling forward, an instance event at 5000), D (ads/prod/web by carol,
 * aborted at 4001), C (www/prod/api by alice, paused at 3001), A (www/prod/web by alice, rolled
 * forward at 1001).
 */
class UpdateReadApiTest {
  private static final JobKey WEB = JobKeys.from("www", "prod", "web");
  private static final JobKey API = JobKeys.from("www", "prod", "api");
  private static final JobKey ADS = JobKeys.from("ads", "prod", "web");

  private final SchedulerHarness h = new SchedulerHarness();
  private final AuroraAdminService api = service(h, new SimpleMeterRegistry());
  private final JobUpdateKey a =
      StoredUpdates.store(h.storage, WEB, "a1", "alice", 1000, ROLLING_FORWARD, ROLLED_FORWARD);
  private final JobUpdateKey b = StoredUpdates.store(h.storage, WEB, "b2", "bob", 2000,
      ROLLING_FORWARD);
  private final JobUpdateKey c = StoredUpdates.store(h.storage, API, "c3", "alice", 3000,
      ROLLING_FORWARD, ROLL_FORWARD_PAUSED);
  private final JobUpdateKey d =
      StoredUpdates.store(h.storage, ADS, "d4", "carol", 4000, ROLLING_FORWARD, ABORTED);

  UpdateReadApiTest() {
    StoredUpdates.instanceEvent(h.storage, b, 0, JobUpdateAction.INSTANCE_UPDATING, 5000);
  }

  /** The API over the harness's storage and writer, counting responses in {@code registry}. */
  static AuroraAdminService service(SchedulerHarness h, MeterRegistry registry) {
    ApiOptions options = new ApiOptions("test-cluster", "http://stats/",
        ApiOptions.DEFAULT_ENVIRONMENTS, 10, TierSettings.DEFAULTS);
    TaskReconciler reconciler =
        new TaskReconciler(h.storage, h.driver, h.clock, h.timers, ReconcileOptions.DEFAULTS);
    CronTriggers cron = h.cronOn(h.writer, CronOptions.DEFAULTS, new SimpleMeterRegistry());
    return new AuroraAdminService(options,
        new ReadApi(h.storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(h.storage),
        new JobsApi(h.writer, options),
        new CronApi(h.writer, options, cron),
        new UpdatesApi(h.updates, options),
        new QuotaApi(h.writer),
        new AdminApi(h.writer, reconciler, Optional.empty(), 1000),
        registry);
  }

  private List<JobUpdateKey> summaries(JobUpdateQuery query) {
    Response r = api.getJobUpdateSummaries(query);
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    assertThat(r.getServerInfo().getClusterName()).isEqualTo("test-cluster");
    return r.getResult().getGetJobUpdateSummariesResult().getUpdateSummaries().stream()
        .map(JobUpdateSummary::getKey).toList();
  }

  private GetJobUpdateDetailsResult details(JobUpdateKey key, JobUpdateQuery query) {
    Response r = api.getJobUpdateDetails(key, query);
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    return r.getResult().getGetJobUpdateDetailsResult();
  }

  private static void assertInvalid(Response r, String... words) {
    assertThat(r.getResponseCode()).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(r.getDetails().get(0).getMessage()).contains(words);
    assertThat(r.getServerInfo()).isNotNull();
  }

  @Test
  void summaries_nullQuery_returnsEveryUpdate_mostRecentlyModifiedFirst() {
    assertThat(summaries(null)).containsExactly(b, d, c, a);
    assertThat(summaries(new JobUpdateQuery())).containsExactly(b, d, c, a);
  }

  @Test
  void summaries_carryKeyUserStateAndMetadata() {
    JobUpdateSummary summary = api.getJobUpdateSummaries(new JobUpdateQuery().setKey(b))
        .getResult().getGetJobUpdateSummariesResult().getUpdateSummaries().get(0);
    assertThat(summary.getKey()).isEqualTo(b);
    assertThat(summary.getUser()).isEqualTo("bob");
    assertThat(summary.getState()).isEqualTo(new JobUpdateState(ROLLING_FORWARD, 2000, 5000));
    assertThat(summary.getMetadata()).containsExactly(new Metadata("origin", "test"));
  }

  @Test
  void summaries_matchEverySetTerm() {
    assertThat(summaries(new JobUpdateQuery().setRole("www"))).containsExactly(b, c, a);
    assertThat(summaries(new JobUpdateQuery().setJobKey(WEB))).containsExactly(b, a);
    assertThat(summaries(new JobUpdateQuery().setUser("alice"))).containsExactly(c, a);
    assertThat(summaries(new JobUpdateQuery().setKey(c))).containsExactly(c);
    assertThat(summaries(new JobUpdateQuery().setUpdateStatuses(Set.of(ROLLED_FORWARD, ABORTED))))
        .containsExactly(d, a);
    assertThat(summaries(new JobUpdateQuery().setRole("www").setUser("alice")
        .setUpdateStatuses(Set.of(ROLL_FORWARD_PAUSED)))).containsExactly(c);
    assertThat(summaries(new JobUpdateQuery().setJobKey(WEB).setUser("carol"))).isEmpty();
    assertThat(summaries(new JobUpdateQuery().setRole("nobody"))).isEmpty();
    // A key whose job is missing names no update: it matches nothing rather than failing.
    assertThat(summaries(new JobUpdateQuery().setKey(new JobUpdateKey().setId("a1")))).isEmpty();
  }

  @Test
  void summaries_pageWithOffsetAndLimit() {
    assertThat(summaries(new JobUpdateQuery().setOffset(1).setLimit(2))).containsExactly(d, c);
    assertThat(summaries(new JobUpdateQuery().setOffset(3).setLimit(5))).containsExactly(a);
    assertThat(summaries(new JobUpdateQuery().setOffset(4))).isEmpty();
    assertThat(summaries(new JobUpdateQuery().setLimit(0))).hasSize(4);
    assertThat(summaries(new JobUpdateQuery().setRole("www").setOffset(1).setLimit(1)))
        .containsExactly(c);
    assertThat(summaries(new JobUpdateQuery().setOffset(Integer.MAX_VALUE)
        .setLimit(Integer.MAX_VALUE))).isEmpty();
    assertThat(summaries(new JobUpdateQuery().setOffset(2).setLimit(Integer.MAX_VALUE)))
        .containsExactly(c, a);
    assertInvalid(api.getJobUpdateSummaries(new JobUpdateQuery().setOffset(-1)), "query.offset");
    assertInvalid(api.getJobUpdateSummaries(new JobUpdateQuery().setLimit(-1)), "query.limit");
  }

  @Test
  void details_byKey_isThatUpdate_inBothFields() {
    GetJobUpdateDetailsResult result = details(b, null);
    JobUpdateDetails details = result.getDetails();
    assertThat(result.getDetailsList()).containsExactly(details);
    assertThat(details.getUpdate().getSummary().getKey()).isEqualTo(b);
    assertThat(details.getUpdate().getInstructions().getDesiredState().getTask().getJob())
        .isEqualTo(WEB);
    assertThat(details.getUpdateEvents()).extracting(JobUpdateEvent::getStatus)
        .containsExactly(ROLLING_FORWARD);
    assertThat(details.getUpdateEvents().get(0).getUser()).isEqualTo("bob");
    assertThat(details.getInstanceEvents()).singleElement()
        .satisfies(e -> assertThat(e.getAction()).isEqualTo(JobUpdateAction.INSTANCE_UPDATING));
    assertThat(details(a, null).getDetails().getUpdateEvents()).extracting(JobUpdateEvent::getStatus)
        .containsExactly(ROLLING_FORWARD, ROLLED_FORWARD);
  }

  @Test
  void details_unknownOrMalformedKey_isInvalidRequest() {
    assertInvalid(api.getJobUpdateDetails(new JobUpdateKey(WEB, "nope"), null),
        "Invalid update", "www/prod/web", "nope");
    assertInvalid(api.getJobUpdateDetails(new JobUpdateKey(JobKeys.from("x", "prod", "y"), "a1"),
        null), "Invalid update", "x/prod/y");
    assertInvalid(api.getJobUpdateDetails(new JobUpdateKey().setId("a1"), null), "key.job");
    assertInvalid(api.getJobUpdateDetails(new JobUpdateKey(new JobKey("www", null, "web"), "a1"),
        null), "key.job", "environment");
    assertInvalid(api.getJobUpdateDetails(new JobUpdateKey().setJob(WEB), null), "key.id");
  }

  @Test
  void details_byQuery_listsTheMatches_andTheFirstAsDetails() {
    GetJobUpdateDetailsResult result = details(null, new JobUpdateQuery().setJobKey(WEB));
    assertThat(result.getDetailsList()).extracting(x -> x.getUpdate().getSummary().getKey())
        .containsExactly(b, a);
    assertThat(result.getDetails()).isEqualTo(result.getDetailsList().get(0));
    assertThat(details(null, new JobUpdateQuery().setUser("alice").setOffset(1)).getDetailsList())
        .extracting(x -> x.getUpdate().getSummary().getKey()).containsExactly(a);

    GetJobUpdateDetailsResult none = details(null, new JobUpdateQuery().setUser("nobody"));
    assertThat(none.getDetailsList()).isEmpty();
    assertThat(none.isSetDetails()).isFalse();
    assertInvalid(api.getJobUpdateDetails(null, new JobUpdateQuery().setLimit(-3)), "query.limit");
  }

  @Test
  void details_withoutKeyOrQuery_isInvalidRequest_andAKeyWinsOverAQuery() {
    assertInvalid(api.getJobUpdateDetails(null, null), "key or query");
    GetJobUpdateDetailsResult both = details(a, new JobUpdateQuery().setKey(b));
    assertThat(both.getDetails().getUpdate().getSummary().getKey()).isEqualTo(a);
    assertThat(both.getDetailsList()).hasSize(1);
  }

  @Test
  void reads_returnCopies_thatCallersMayChange() {
    details(b, null).getDetails().getUpdate().getSummary().setUser("mallory");
    api.getJobUpdateSummaries(null).getResult().getGetJobUpdateSummariesResult()
        .getUpdateSummaries().forEach(s -> s.setUser("mallory"));
    assertThat(details(b, null).getDetails().getUpdate().getSummary().getUser()).isEqualTo("bob");
  }
}
