package io.aurora.server.client.update;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static io.aurora.server.client.update.UpdateFixtures.JOB;
import static io.aurora.server.client.update.UpdateFixtures.key;
import static io.aurora.server.client.update.UpdateFixtures.summaries;
import static io.aurora.server.client.update.UpdateFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobUpdatePulseStatus;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.PulseJobUpdateResult;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.Result;
import io.aurora.gen.apiConstants;
import io.aurora.server.client.ClientHarness;
import io.aurora.server.client.ScriptedScheduler;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** pause, resume, abort, rollback and pulse, by update key or by job. */
class UpdateSteeringTest {
  private final ClientHarness client = new ClientHarness();

  @Test
  void eachVerb_withAnUpdateKey_callsItsRpcWithTheKeyAndMessage() {
    List<String[]> verbs = List.of(new String[] {"pause", "pauseJobUpdate", "paused"},
        new String[] {"resume", "resumeJobUpdate", "resumed"},
        new String[] {"abort", "abortJobUpdate", "aborted"},
        new String[] {"rollback", "rollbackJobUpdate", "rolling back"});
    for (String[] verb : verbs) {
      ClientHarness one = new ClientHarness();
      one.scheduler.answer(verb[1], ok(null));

      assertThat(one.run("update", verb[0], "local/www/prod/hello/u-1", "-m", "why"))
          .as(verb[0]).isEqualTo(0);

      assertThat(one.scheduler.calls()).as(verb[0]).hasSize(1);
      ScriptedScheduler.Call call = one.scheduler.calls(verb[1]).get(0);
      assertThat(call.arg(0)).isEqualTo(key("u-1"));
      assertThat(call.arg(1)).isEqualTo("why");
      assertThat(one.out()).isEqualTo("update local/www/prod/hello/u-1 " + verb[2] + "\n");
      assertThat(one.clusters).containsExactly(Optional.of("local"));
    }
  }

  @Test
  void aJob_meansItsActiveUpdate() {
    client.scheduler.answer("getJobUpdateSummaries",
        summaries(summary("u-7", JobUpdateStatus.ROLL_FORWARD_PAUSED, 5)));
    client.scheduler.answer("resumeJobUpdate", ok(null));

    assertThat(client.run("update", "resume", "local/www/prod/hello")).isEqualTo(0);

    JobUpdateQuery query = (JobUpdateQuery) client.scheduler.calls("getJobUpdateSummaries").get(0).arg(0);
    assertThat(query.getJobKey()).isEqualTo(JOB);
    assertThat(query.getUpdateStatuses()).isEqualTo(apiConstants.ACTIVE_JOB_UPDATE_STATES);
    assertThat(client.scheduler.calls("resumeJobUpdate").get(0).arg(0)).isEqualTo(key("u-7"));
    assertThat(client.scheduler.calls("resumeJobUpdate").get(0).arg(1)).isNull();
    assertThat(client.out()).isEqualTo("update local/www/prod/hello/u-7 resumed\n");
  }

  @Test
  void aJobWithoutAnActiveUpdate_exitsSix() {
    client.scheduler.answer("getJobUpdateSummaries", summaries());

    assertThat(client.run("update", "abort", "local/www/prod/hello")).isEqualTo(6);
    assertThat(client.err()).isEqualTo("aurora: No active update found for local/www/prod/hello\n");
    assertThat(client.scheduler.calls("abortJobUpdate")).isEmpty();
  }

  @Test
  void aJobWithSeveralActiveUpdates_exitsTen() {
    client.scheduler.answer("getJobUpdateSummaries", summaries(
        summary("a", JobUpdateStatus.ROLLING_FORWARD, 1), summary("b", JobUpdateStatus.ROLLING_BACK, 2)));

    assertThat(client.run("update", "pause", "local/www/prod/hello")).isEqualTo(10);
    assertThat(client.err()).contains("several active updates for local/www/prod/hello: a, b");
  }

  @Test
  void refused_printsTheSchedulersAnswerAndExitsTen() {
    client.scheduler.answer("pauseJobUpdate", response(ResponseCode.INVALID_REQUEST, null,
        "Update is not active."));

    assertThat(client.run("update", "pause", "local/www/prod/hello/u-1")).isEqualTo(10);
    assertThat(client.err()).isEqualTo("aurora: INVALID_REQUEST: Update is not active.\n");
  }

  @Test
  void pulse_reportsWhetherTheUpdateStillRuns() {
    client.scheduler.answer("pulseJobUpdate",
        ok(Result.pulseJobUpdateResult(new PulseJobUpdateResult(JobUpdatePulseStatus.OK))),
        ok(Result.pulseJobUpdateResult(new PulseJobUpdateResult(JobUpdatePulseStatus.FINISHED))));

    assertThat(client.run("update", "pulse", "local/www/prod/hello/u-1")).isEqualTo(0);
    assertThat(client.run("update", "pulse", "local/www/prod/hello/u-1")).isEqualTo(0);

    assertThat(client.scheduler.calls("pulseJobUpdate").get(0).arg(0)).isEqualTo(key("u-1"));
    assertThat(client.out().lines()).containsExactly("update local/www/prod/hello/u-1 pulsed",
        "update local/www/prod/hello/u-1 has ended: the pulse changed nothing");
  }

  @Test
  void badKeyOrJob_isAUsageError() {
    assertThat(client.run("update", "pause", "local/www/prod")).isEqualTo(2);
    assertThat(client.err()).contains(
        "expected CLUSTER/ROLE/ENV/NAME or CLUSTER/ROLE/ENV/NAME/UPDATE_ID, got 'local/www/prod'");
    assertThat(new ClientHarness().run("update", "pause", "local/www/prod/hello/")).isEqualTo(2);
    assertThat(new ClientHarness().run("update", "pulse", "c/www/prod/hello/id", "-m", "x"))
        .as("pulse takes no message").isEqualTo(2);
    assertThat(client.scheduler.calls()).isEmpty();
  }
}
