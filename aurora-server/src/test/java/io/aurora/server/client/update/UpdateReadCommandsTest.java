package io.aurora.server.client.update;

import static io.aurora.server.client.update.UpdateFixtures.JOB;
import static io.aurora.server.client.update.UpdateFixtures.T0;
import static io.aurora.server.client.update.UpdateFixtures.details;
import static io.aurora.server.client.update.UpdateFixtures.detailsResponse;
import static io.aurora.server.client.update.UpdateFixtures.event;
import static io.aurora.server.client.update.UpdateFixtures.key;
import static io.aurora.server.client.update.UpdateFixtures.summaries;
import static io.aurora.server.client.update.UpdateFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Metadata;
import io.aurora.server.client.ClientHarness;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** update list and update info. */
class UpdateReadCommandsTest {
  private final ClientHarness client = new ClientHarness();

  @Test
  void list_ofARole_isATableMostRecentFirst() {
    client.scheduler.answer("getJobUpdateSummaries", summaries(
        summary("old", JobUpdateStatus.ROLLED_FORWARD, T0),
        summary("new", JobUpdateStatus.ROLLING_FORWARD, T0 + 3_600_000)));

    assertThat(client.run("update", "list", "local/www")).isEqualTo(0);

    JobUpdateQuery query = (JobUpdateQuery) client.scheduler.calls("getJobUpdateSummaries").get(0).arg(0);
    assertThat(query.getRole()).isEqualTo("www");
    assertThat(query.isSetJobKey()).isFalse();
    assertThat(query.isSetUpdateStatuses()).isFalse();
    assertThat(client.out().lines()).containsExactly(
        "JOB                   UPDATE ID  STATUS           USER   CREATED               LAST MODIFIED",
        "local/www/prod/hello  new        ROLLING_FORWARD  alice  2023-11-14T23:13:20Z  2023-11-14T23:14:20Z",
        "local/www/prod/hello  old        ROLLED_FORWARD   alice  2023-11-14T22:13:20Z  2023-11-14T22:14:20Z");
  }

  @Test
  void list_ofAJob_withStatusesAndUser_buildsTheQuery() {
    client.scheduler.answer("getJobUpdateSummaries", summaries());

    assertThat(client.run("update", "list", "local/www/prod/hello", "--status=active,ROLLED_BACK",
        "--status", "succeeded", "--user=bob")).as(client.err()).isEqualTo(0);

    JobUpdateQuery query = (JobUpdateQuery) client.scheduler.calls("getJobUpdateSummaries").get(0).arg(0);
    assertThat(query.getJobKey()).isEqualTo(JOB);
    assertThat(query.getUser()).isEqualTo("bob");
    EnumSet<JobUpdateStatus> wanted = UpdateStatuses.active();
    wanted.add(JobUpdateStatus.ROLLED_BACK);
    wanted.add(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(query.getUpdateStatuses()).isEqualTo(wanted);
    assertThat(client.out()).isEqualTo("No updates found.\n");
  }

  @Test
  void list_ofAnEnvironment_filtersHere_andWithoutAScopeAsksForAll() {
    JobUpdateSummary devel = summary("d", JobUpdateStatus.ROLLED_FORWARD, T0);
    devel.getKey().setJob(new JobKey("www", "devel", "hello"));
    client.scheduler.answer("getJobUpdateSummaries",
        summaries(devel, summary("p", JobUpdateStatus.ROLLED_FORWARD, T0)), summaries(devel));

    assertThat(client.run("update", "list", "local/www/prod")).isEqualTo(0);
    assertThat(client.out()).contains("local/www/prod/hello  p").doesNotContain("devel");

    ClientHarness all = new ClientHarness();
    all.scheduler.answer("getJobUpdateSummaries", summaries(devel));
    assertThat(all.run("update", "list")).isEqualTo(0);
    assertThat(all.clusters).containsExactly(Optional.empty());
    assertThat(all.scheduler.calls("getJobUpdateSummaries").get(0).arg(0))
        .isEqualTo(new JobUpdateQuery());
    assertThat(all.out()).contains("www/devel/hello  d");
  }

  @Test
  void list_badStatusOrScope_isAUsageError() {
    assertThat(client.run("update", "list", "local", "--status=bogus")).isEqualTo(2);
    assertThat(client.err()).contains("'bogus' is neither an update status")
        .contains("[active, all, blocked, failed, inactive, paused, succeeded]");
    assertThat(new ClientHarness().run("update", "list", "local/www/prod/hello/x")).isEqualTo(2);
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void statusGroups_areAurorasClients() {
    assertThat(UpdateStatuses.parse("blocked")).containsExactlyInAnyOrder(
        JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE, JobUpdateStatus.ROLL_BACK_AWAITING_PULSE);
    assertThat(UpdateStatuses.parse("failed")).containsExactlyInAnyOrder(
        JobUpdateStatus.ROLLED_BACK, JobUpdateStatus.ERROR, JobUpdateStatus.FAILED);
    assertThat(UpdateStatuses.parse("inactive")).containsExactlyInAnyOrder(
        JobUpdateStatus.ROLLED_FORWARD, JobUpdateStatus.ROLLED_BACK, JobUpdateStatus.ABORTED,
        JobUpdateStatus.ERROR, JobUpdateStatus.FAILED);
    assertThat(UpdateStatuses.parse("rolled_back")).containsExactly(JobUpdateStatus.ROLLED_BACK);
  }

  @Test
  void info_showsStatusSettingsEventsAndInstanceEvents() {
    var details = details("u-1", JobUpdateStatus.ROLLING_FORWARD,
        event(1, 2_000, JobUpdateAction.INSTANCE_UPDATED),
        event(0, 1_000, JobUpdateAction.INSTANCE_UPDATING));
    details.getUpdate().getSummary().setMetadata(
        Set.of(new Metadata("org.apache.aurora.client.update_id", "abc")));
    client.scheduler.answer("getJobUpdateDetails", detailsResponse(details));

    assertThat(client.run("update", "info", "local/www/prod/hello/u-1")).isEqualTo(0);

    assertThat(client.scheduler.calls("getJobUpdateSummaries")).isEmpty();
    assertThat(client.scheduler.calls("getJobUpdateDetails").get(0).arg(0)).isNull();
    assertThat(client.out()).isEqualTo(String.join("\n",
        "Update:         local/www/prod/hello/u-1",
        "Status:         ROLLING_FORWARD",
        "Started by:     alice",
        "Created:        2023-11-14T22:13:20Z",
        "Last modified:  2023-11-14T22:14:20Z",
        "Progress:       1 of 4 instances done, 0 failed, ROLLING_FORWARD",
        "Instances:      0-3 (before: 0-2)",
        "Settings:       queue of 2, watch 45 s, max failures per instance 1, "
            + "max failed instances 1, rollback on failure",
        "Metadata:       org.apache.aurora.client.update_id=abc",
        "",
        "Update events:",
        "  TIME                  STATUS           USER   MESSAGE",
        "  2023-11-14T22:13:20Z  ROLLING_FORWARD  alice  deploy 42",
        "",
        "Instance events:",
        "  TIME                  INSTANCE  ACTION             MESSAGE",
        "  2023-11-14T22:13:21Z  0         INSTANCE_UPDATING  -",
        "  2023-11-14T22:13:22Z  1         INSTANCE_UPDATED   -",
        ""));
  }

  @Test
  void info_ofAJobWithoutAnActiveUpdate_showsItsMostRecentOne() {
    client.scheduler.answer("getJobUpdateSummaries", summaries(
        summary("older", JobUpdateStatus.ROLLED_FORWARD, T0),
        summary("newest", JobUpdateStatus.ABORTED, T0 + 10),
        summary("middle", JobUpdateStatus.ROLLED_BACK, T0 + 5)));
    client.scheduler.answer("getJobUpdateDetails",
        detailsResponse(details("newest", JobUpdateStatus.ABORTED)));

    assertThat(client.run("update", "info", "local/www/prod/hello")).isEqualTo(0);

    JobUpdateQuery summariesQuery =
        (JobUpdateQuery) client.scheduler.calls("getJobUpdateSummaries").get(0).arg(0);
    assertThat(summariesQuery).isEqualTo(new JobUpdateQuery().setJobKey(JOB));
    JobUpdateQuery detailsQuery =
        (JobUpdateQuery) client.scheduler.calls("getJobUpdateDetails").get(0).arg(1);
    assertThat(detailsQuery.getKey()).isEqualTo(key("newest"));
  }

  @Test
  void info_prefersTheActiveUpdateOverANewerEndedOne() {
    client.scheduler.answer("getJobUpdateSummaries", summaries(
        summary("ended", JobUpdateStatus.ABORTED, T0 + 10),
        summary("running", JobUpdateStatus.ROLL_FORWARD_PAUSED, T0)));
    client.scheduler.answer("getJobUpdateDetails",
        detailsResponse(details("running", JobUpdateStatus.ROLL_FORWARD_PAUSED)));

    assertThat(client.run("update", "info", "local/www/prod/hello")).isEqualTo(0);
    assertThat(((JobUpdateQuery) client.scheduler.calls("getJobUpdateDetails").get(0).arg(1))
        .getKey()).isEqualTo(key("running"));
  }

  @Test
  void info_ofNothing_exitsSix() {
    client.scheduler.answer("getJobUpdateSummaries", summaries());
    assertThat(client.run("update", "info", "local/www/prod/hello")).isEqualTo(6);
    assertThat(client.err()).isEqualTo("aurora: No update found for local/www/prod/hello\n");

    ClientHarness unknown = new ClientHarness();
    unknown.scheduler.answer("getJobUpdateDetails", detailsResponse());
    assertThat(unknown.run("update", "info", "local/www/prod/hello/nope")).isEqualTo(6);
    assertThat(unknown.err()).isEqualTo("aurora: No update nope found for www/prod/hello\n");
  }
}
