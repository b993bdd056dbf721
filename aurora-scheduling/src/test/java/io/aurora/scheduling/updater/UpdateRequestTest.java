package io.aurora.scheduling.updater;

import static io.aurora.scheduling.updater.UpdateScenario.request;
import static io.aurora.scheduling.updater.UpdateScenario.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ConfigGroup;
import io.aurora.gen.GetJobUpdateDiffResult;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.Metadata;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.Range;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.VariableBatchJobUpdateStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What startJobUpdate refuses or treats as a no-op, and what getJobUpdateDiff answers. */
class UpdateRequestTest {
  private static final Duration WATCH = Duration.ofSeconds(30);
  private final UpdateScenario s = new UpdateScenario();

  private static void assertInvalid(Response r, String... words) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.INVALID_REQUEST);
    assertThat(r.getDetails().get(0).getMessage()).contains(words);
  }

  private Response startWith(Consumer<JobUpdateRequest> change) {
    JobUpdateRequest r = request("v2", 3, settings(1, WATCH));
    change.accept(r);
    return s.api.startJobUpdate(r, null);
  }

  @Test
  void aSecondUpdate_isRefused_namingTheActiveOne_withItsSummaryForRetries() {
    s.createJob(3, "v1");
    JobUpdateRequest first = request("v2", 3, settings(1, WATCH));
    first.addToMetadata(new Metadata("org.apache.aurora.client.update_id", "abc"));
    JobUpdateKey key = s.start(first);

    Response again = s.api.startJobUpdate(first, null);
    assertInvalid(again, key.getId(), "www/prod/web", "active update");
    var active = again.getResult().getStartJobUpdateResult();
    assertThat(active.getKey()).isEqualTo(key);
    assertThat(active.getUpdateSummary().getMetadata())
        .containsExactly(new Metadata("org.apache.aurora.client.update_id", "abc"));
    assertThat(active.getUpdateSummary().getState().getStatus())
        .isEqualTo(JobUpdateStatus.ROLLING_FORWARD);
    assertThat(s.details(key).getUpdateEvents()).hasSize(1);
  }

  @Test
  void anUnchangedJob_isOk_withAMessage_andStartsNothing() {
    s.createJob(3, "v1");
    Response r = s.api.startJobUpdate(request("v1", 3, settings(1, WATCH)), null);
    assertThat(r.getResponseCode()).isEqualTo(ResponseCode.OK);
    assertThat(r.getDetails().get(0).getMessage()).isEqualTo("Job is unchanged by proposed update.");
    assertThat(r.isSetResult()).isFalse();
    assertThat(updateKeys()).isEmpty();
  }

  @Test
  void cronJobs_nonServiceJobs_andBadSettings_areRefused() {
    s.h.storage.write((io.aurora.storage.MutableStoreProvider st) -> {
      st.cronJobStore().saveAcceptedJob(new JobConfiguration().setKey(UpdateScenario.JOB.deepCopy())
          .setTaskConfig(UpdateScenario.config("v1")).setInstanceCount(1)
          .setCronSchedule("* * * * *"));
      return null;
    });
    assertInvalid(startWith(r -> { }), "cron");
    assertInvalid(startWith(r -> r.getTaskConfig().setIsService(false)), "non-service");
    assertInvalid(startWith(r -> r.getSettings().setUpdateStrategy(
        JobUpdateStrategy.queueStrategy(new QueueJobUpdateStrategy(0)))), "groupSize");
    assertInvalid(startWith(r -> r.getSettings().setUpdateStrategy(null).setUpdateGroupSize(0)),
        "groupSize", "updateGroupSize");
    assertInvalid(startWith(r -> r.getSettings().setUpdateStrategy(JobUpdateStrategy
        .varBatchStrategy(new VariableBatchJobUpdateStrategy(List.of(1, 0), false)))),
        "groupSizes");
    assertInvalid(startWith(r -> r.getSettings().setMaxPerInstanceFailures(-1)),
        "maxPerInstanceFailures");
    assertInvalid(startWith(r -> r.getSettings().setMaxFailedInstances(-1)), "maxFailedInstances");
    assertInvalid(startWith(r -> r.getSettings().setMinWaitInInstanceRunningMs(-1)),
        "minWaitInInstanceRunningMs");
    assertInvalid(startWith(r -> r.getSettings().setBlockIfNoPulsesAfterMs(-1)),
        "blockIfNoPulsesAfterMs");
    assertInvalid(startWith(r -> r.getSettings().setMaxPerInstanceFailures(10_000)),
        "-max_update_instance_failures");
    assertInvalid(startWith(r -> r.getSettings().setSlaAware(true)), "slaAware", "slaPolicy");
    assertInvalid(startWith(r -> {
      r.getSettings().setSlaAware(true);
      r.getTaskConfig().setSlaPolicy(io.aurora.gen.SlaPolicy.coordinatorSlaPolicy(
          new io.aurora.gen.CoordinatorSlaPolicy("http://c", "drain")));
    }), "coordinatorSlaPolicy", "not supported");
    assertInvalid(startWith(r -> r.getSettings().setUpdateOnlyTheseInstances(
        Set.of(new Range(2, 1)))), "updateOnlyTheseInstances");
    assertInvalid(startWith(r -> r.setSettings(null)), "settings");
  }

  @Test
  void aScopeBeyondTheJobAndTheRequest_isRefused_namingTheInstances() {
    s.createJob(3, "v1");
    assertInvalid(startWith(r -> r.getSettings().setUpdateOnlyTheseInstances(
        Set.of(new Range(2, 5)))), "updateOnlyTheseInstances", "[3, 4, 5]");
    assertThat(s.tasks(ScheduleStatus.KILLING)).isEmpty();
  }

  @Test
  void diff_showsWhatAStartWouldDo() {
    s.createJob(3, "v1");
    GetJobUpdateDiffResult grow = UpdateScenario.ok(s.api.getJobUpdateDiff(
        request("v2", 5, settings(1, WATCH).setUpdateOnlyTheseInstances(
            Set.of(new Range(1, 4)))))).getResult().getGetJobUpdateDiffResult();
    assertThat(ranges(grow.getAdd())).containsExactly(new Range(3, 4));
    assertThat(grow.getAdd()).allSatisfy(g -> assertThat(UpdateScenario.version(
        new io.aurora.gen.ScheduledTask().setAssignedTask(
            new io.aurora.gen.AssignedTask().setTask(g.getConfig())))).isEqualTo("v2"));
    assertThat(ranges(grow.getUpdate())).containsExactly(new Range(1, 2));
    assertThat(ranges(grow.getUnchanged())).containsExactly(new Range(0, 0));
    assertThat(grow.getRemove()).isEmpty();

    GetJobUpdateDiffResult shrink = UpdateScenario.ok(s.api.getJobUpdateDiff(
        request("v1", 1, null))).getResult().getGetJobUpdateDiffResult();
    assertThat(ranges(shrink.getRemove())).containsExactly(new Range(1, 2));
    assertThat(ranges(shrink.getUnchanged())).containsExactly(new Range(0, 0));
    assertThat(updateKeys()).isEmpty();
  }

  @Test
  void callsOnUnknownOrEndedUpdates_areRefused() {
    s.createJob(1, "v1");
    JobUpdateKey unknown = new JobUpdateKey(UpdateScenario.JOB, "no-such-update");
    assertInvalid(s.api.pauseJobUpdate(unknown, null), "no-such-update");
    assertInvalid(s.api.pulseJobUpdate(unknown), "no-such-update");
    JobUpdateKey key = s.start(request("v2", 1, settings(1, WATCH)));
    UpdateScenario.ok(s.api.abortJobUpdate(key, null));
    assertInvalid(s.api.abortJobUpdate(key, null), "ABORTED");
    assertInvalid(s.api.rollbackJobUpdate(key, null), "ABORTED");
  }

  private Set<JobUpdateKey> updateKeys() {
    return s.h.storage.read((io.aurora.storage.StoreProvider st) ->
        st.jobUpdateStore().fetchUpdateKeys());
  }

  private static List<Range> ranges(Set<ConfigGroup> groups) {
    return groups.stream().flatMap(g -> g.getInstances().stream()).sorted(
        java.util.Comparator.comparingInt(Range::getFirst)).toList();
  }
}
