package io.aurora.scheduling.update;

import static io.aurora.gen.JobUpdateStatus.ABORTED;
import static io.aurora.gen.JobUpdateStatus.ERROR;
import static io.aurora.gen.JobUpdateStatus.FAILED;
import static io.aurora.gen.JobUpdateStatus.ROLLED_BACK;
import static io.aurora.gen.JobUpdateStatus.ROLLED_FORWARD;
import static io.aurora.gen.JobUpdateStatus.ROLLING_FORWARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateState;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.apiConstants;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UpdateHistoryPolicyTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long NOW = 100 * DAY;
  private static final JobKey WEB = new JobKey("www", "prod", "web");
  private static final JobKey API = new JobKey("www", "prod", "api");

  /** Two finished updates kept per job, none older than 30 days. */
  private final UpdateHistoryPolicy policy = new UpdateHistoryPolicy(2, Duration.ofDays(30));

  private static JobUpdateSummary update(JobKey job, String id, JobUpdateStatus status,
      long created, long modified) {
    return new JobUpdateSummary().setKey(new JobUpdateKey(job, id)).setUser("u")
        .setState(new JobUpdateState(status, created, modified));
  }

  private static JobUpdateKey key(JobKey job, String id) {
    return new JobUpdateKey(job, id);
  }

  @Test
  void perJob_keepsTheNewestFinished_removesTheOlder() {
    List<JobUpdateSummary> updates = List.of(
        update(WEB, "w1", ROLLED_FORWARD, NOW - 5 * DAY, NOW - 5 * DAY),
        update(WEB, "w2", ROLLED_BACK, NOW - 4 * DAY, NOW - 4 * DAY),
        update(WEB, "w3", ABORTED, NOW - 3 * DAY, NOW - 3 * DAY),
        update(WEB, "w4", FAILED, NOW - 2 * DAY, NOW - 2 * DAY),
        update(API, "a1", ERROR, NOW - 9 * DAY, NOW - 9 * DAY),
        update(API, "a2", ROLLED_FORWARD, NOW - 8 * DAY, NOW - 8 * DAY));
    assertThat(policy.select(updates, NOW))
        .containsExactlyInAnyOrder(key(WEB, "w1"), key(WEB, "w2"));
  }

  @Test
  void perJob_newestIsByCreation_notByLastChange() {
    List<JobUpdateSummary> updates = List.of(
        // Created first but ended last: still the oldest.
        update(WEB, "w1", ROLLED_FORWARD, NOW - 5 * DAY, NOW - DAY),
        update(WEB, "w2", ROLLED_FORWARD, NOW - 4 * DAY, NOW - 4 * DAY),
        update(WEB, "w3", ROLLED_FORWARD, NOW - 3 * DAY, NOW - 3 * DAY));
    assertThat(policy.select(updates, NOW)).containsExactly(key(WEB, "w1"));
  }

  @Test
  void age_countsFromTheLastChange() {
    long threshold = 30 * DAY;
    List<JobUpdateSummary> updates = List.of(
        update(WEB, "old", ROLLED_FORWARD, NOW - 40 * DAY, NOW - threshold - 1),
        update(WEB, "edge", ROLLED_FORWARD, NOW - 40 * DAY, NOW - threshold),
        // Ran for two months, ended yesterday: kept.
        update(API, "long", ABORTED, NOW - 60 * DAY, NOW - DAY));
    assertThat(policy.select(updates, NOW)).containsExactly(key(WEB, "old"));
  }

  @Test
  void expiredUpdates_doNotCountAgainstTheCap() {
    List<JobUpdateSummary> updates = List.of(
        update(WEB, "ancient", ROLLED_FORWARD, NOW - 90 * DAY, NOW - 90 * DAY),
        update(WEB, "w1", ROLLED_FORWARD, NOW - 3 * DAY, NOW - 3 * DAY),
        update(WEB, "w2", ROLLED_FORWARD, NOW - 2 * DAY, NOW - 2 * DAY));
    assertThat(policy.select(updates, NOW)).containsExactly(key(WEB, "ancient"));
  }

  @ParameterizedTest
  @EnumSource(JobUpdateStatus.class)
  void activeUpdates_areNeverRemoved_norCounted(JobUpdateStatus status) {
    // Ninety days old and the oldest of three: any finished update would go.
    List<JobUpdateSummary> updates = List.of(
        update(WEB, "x", status, NOW - 90 * DAY, NOW - 90 * DAY),
        update(WEB, "w1", ROLLED_FORWARD, NOW - 3 * DAY, NOW - 3 * DAY),
        update(WEB, "w2", ROLLED_FORWARD, NOW - 2 * DAY, NOW - 2 * DAY));
    boolean active = apiConstants.ACTIVE_JOB_UPDATE_STATES.contains(status);
    assertThat(policy.select(updates, NOW)).isEqualTo(active ? Set.of() : Set.of(key(WEB, "x")));
  }

  @Test
  void updatesWithoutAStatus_areLeftAlone() {
    JobUpdateSummary noEvents = new JobUpdateSummary().setKey(key(WEB, "new"))
        .setState(new JobUpdateState());
    JobUpdateSummary noState = new JobUpdateSummary().setKey(key(WEB, "bare"));
    assertThat(new UpdateHistoryPolicy(0, Duration.ZERO)
        .select(List.of(noEvents, noState), NOW)).isEmpty();
  }

  @Test
  void zeroPerJob_removesEveryFinishedUpdate() {
    List<JobUpdateSummary> updates = List.of(
        update(WEB, "w1", ROLLED_FORWARD, NOW - DAY, NOW - DAY),
        update(WEB, "run", ROLLING_FORWARD, NOW - DAY, NOW - DAY));
    assertThat(new UpdateHistoryPolicy(0, Duration.ofDays(30)).select(updates, NOW))
        .containsExactly(key(WEB, "w1"));
  }

  @Test
  void badSettings_areRefused() {
    assertThatThrownBy(() -> new UpdateHistoryPolicy(-1, Duration.ZERO))
        .hasMessageContaining("perJob");
    assertThatThrownBy(() -> new UpdateHistoryPolicy(1, Duration.ofSeconds(-1)))
        .hasMessageContaining("maxAge");
  }
}
