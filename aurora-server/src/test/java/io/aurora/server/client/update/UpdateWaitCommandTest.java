package io.aurora.server.client.update;

import static io.aurora.server.client.update.UpdateFixtures.T0;
import static io.aurora.server.client.update.UpdateFixtures.details;
import static io.aurora.server.client.update.UpdateFixtures.detailsResponse;
import static io.aurora.server.client.update.UpdateFixtures.event;
import static io.aurora.server.client.update.UpdateFixtures.key;
import static io.aurora.server.client.update.UpdateFixtures.summaries;
import static io.aurora.server.client.update.UpdateFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.server.client.ClientHarness;
import java.time.Duration;
import java.util.Collections;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.Test;

/** update wait over scripted sequences of an update's details. */
class UpdateWaitCommandTest {
  private static final String NAME = "local/www/prod/hello/u-1";

  @Test
  void wait_pollsUntilRolledForward_printingALinePerChangeOffATerminal() {
    ClientHarness client = new ClientHarness(false);
    scriptForwardSequence(client);

    assertThat(client.run("update", "wait", NAME, "--interval-secs=2")).isEqualTo(0);

    assertThat(client.out().lines()).containsExactly(
        NAME + ": 0 of 4 instances done, 0 failed, ROLLING_FORWARD",
        NAME + ": 1 of 4 instances done, 0 failed, ROLLING_FORWARD",
        NAME + ": 3 of 4 instances done, 1 failed, ROLLING_FORWARD",
        NAME + ": 4 of 4 instances done, 0 failed, ROLLED_FORWARD");
    assertThat(client.pauses).isEqualTo(Collections.nCopies(4, Duration.ofSeconds(2)));
    assertThat(client.scheduler.calls("getJobUpdateDetails")).hasSize(5);
    assertThat(client.err()).isEmpty();
  }

  @Test
  void wait_onATerminal_rewritesTheLineInPlace() {
    ClientHarness client = new ClientHarness(true);
    scriptForwardSequence(client);

    assertThat(client.run("update", "wait", NAME)).isEqualTo(0);

    assertThat(client.out()).isEqualTo(
        "\r" + NAME + ": 0 of 4 instances done, 0 failed, ROLLING_FORWARD"
        + "\r" + NAME + ": 1 of 4 instances done, 0 failed, ROLLING_FORWARD"
        + "\r" + NAME + ": 3 of 4 instances done, 1 failed, ROLLING_FORWARD"
        + "\r" + NAME + ": 4 of 4 instances done, 0 failed, ROLLED_FORWARD " + "\n");
    assertThat(client.pauses).isEqualTo(Collections.nCopies(4, Duration.ofSeconds(5)));
  }

  @Test
  void wait_exitStatusFollowsHowTheUpdateEnded() {
    Object[][] endings = {
      {JobUpdateStatus.ROLLED_FORWARD, 0},
      {JobUpdateStatus.ROLLED_BACK, 4},
      {JobUpdateStatus.ABORTED, 20},
      {JobUpdateStatus.ERROR, 20},
      {JobUpdateStatus.FAILED, 20},
    };
    for (Object[] ending : endings) {
      JobUpdateStatus status = (JobUpdateStatus) ending[0];
      ClientHarness client = new ClientHarness();
      client.scheduler.answer("getJobUpdateDetails",
          detailsResponse(details("u-1", JobUpdateStatus.ROLLING_BACK)),
          detailsResponse(details("u-1", status)));

      assertThat(client.run("update", "wait", NAME)).as(status.name()).isEqualTo(ending[1]);
      if (status != JobUpdateStatus.ROLLED_FORWARD) {
        assertThat(client.err()).as(status.name()).isEqualTo("aurora: update " + NAME + " ended "
            + status + ": Latest failure: instance 3 exited.\n");
      }
    }
  }

  @Test
  void wait_forAJob_followsItsActiveUpdate_elseItsMostRecent() {
    ClientHarness client = new ClientHarness();
    client.scheduler.answer("getJobUpdateSummaries", summaries(
        summary("u-0", JobUpdateStatus.ROLLED_FORWARD, T0 - 1000),
        summary("u-1", JobUpdateStatus.ROLLED_BACK, T0)));
    client.scheduler.answer("getJobUpdateDetails",
        detailsResponse(details("u-1", JobUpdateStatus.ROLLED_BACK)));

    assertThat(client.run("update", "wait", "local/www/prod/hello")).isEqualTo(4);

    assertThat(((JobUpdateQuery) client.scheduler.calls("getJobUpdateDetails").get(0).arg(1))
        .getKey()).isEqualTo(key("u-1"));
    assertThat(client.pauses).isEmpty();
  }

  @Test
  void wait_forAJobWithoutUpdates_exitsSix() {
    ClientHarness client = new ClientHarness();
    client.scheduler.answer("getJobUpdateSummaries", summaries());

    assertThat(client.run("update", "wait", "local/www/prod/hello")).isEqualTo(6);
    assertThat(client.err()).isEqualTo("aurora: No update found for local/www/prod/hello\n");
  }

  @Test
  void wait_losingTheScheduler_exitsSevenWithOneLine() {
    ClientHarness client = new ClientHarness();
    client.scheduler.answer("getJobUpdateDetails",
        detailsResponse(details("u-1", JobUpdateStatus.ROLLING_FORWARD)));
    client.scheduler.fail("getJobUpdateDetails", new TTransportException("cannot reach h: refused"));

    assertThat(client.run("update", "wait", NAME)).isEqualTo(7);
    assertThat(client.out()).isEqualTo(NAME + ": 0 of 4 instances done, 0 failed, ROLLING_FORWARD\n");
    assertThat(client.err()).isEqualTo("aurora: cannot reach h: refused\n");
  }

  @Test
  void wait_losingTheSchedulerOnATerminal_endsTheProgressLineFirst() {
    ClientHarness client = new ClientHarness(true);
    client.scheduler.answer("getJobUpdateDetails",
        detailsResponse(details("u-1", JobUpdateStatus.ROLLING_FORWARD)));
    client.scheduler.fail("getJobUpdateDetails", new TTransportException("cannot reach h: refused"));

    assertThat(client.run("update", "wait", NAME)).isEqualTo(7);
    assertThat(client.out()).isEqualTo(
        "\r" + NAME + ": 0 of 4 instances done, 0 failed, ROLLING_FORWARD\n");
  }

  @Test
  void wait_withANonPositiveInterval_isAUsageError() {
    ClientHarness client = new ClientHarness();
    assertThat(client.run("update", "wait", NAME, "--interval-secs=0")).isEqualTo(2);
    assertThat(client.err()).contains("--interval-secs must be at least 1, got 0");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  /**
   * Five polls: nothing yet; instance 0 updated; an unchanged poll (no new line); 1 and 2 updated
   * and 3 failed once; then 3 updated on a retry and the update rolled forward.
   */
  private static void scriptForwardSequence(ClientHarness client) {
    client.scheduler.answer("getJobUpdateDetails",
        detailsResponse(details("u-1", JobUpdateStatus.ROLLING_FORWARD,
            event(0, 1, JobUpdateAction.INSTANCE_UPDATING))),
        detailsResponse(details("u-1", JobUpdateStatus.ROLLING_FORWARD,
            event(0, 1, JobUpdateAction.INSTANCE_UPDATING),
            event(0, 2, JobUpdateAction.INSTANCE_UPDATED))),
        detailsResponse(details("u-1", JobUpdateStatus.ROLLING_FORWARD,
            event(0, 1, JobUpdateAction.INSTANCE_UPDATING),
            event(0, 2, JobUpdateAction.INSTANCE_UPDATED))),
        detailsResponse(details("u-1", JobUpdateStatus.ROLLING_FORWARD,
            event(0, 2, JobUpdateAction.INSTANCE_UPDATED),
            event(1, 3, JobUpdateAction.INSTANCE_UPDATED),
            event(2, 3, JobUpdateAction.INSTANCE_UPDATED),
            event(3, 4, JobUpdateAction.INSTANCE_UPDATE_FAILED))),
        detailsResponse(details("u-1", JobUpdateStatus.ROLLED_FORWARD,
            event(0, 2, JobUpdateAction.INSTANCE_UPDATED),
            event(1, 3, JobUpdateAction.INSTANCE_UPDATED),
            event(2, 3, JobUpdateAction.INSTANCE_UPDATED),
            event(3, 4, JobUpdateAction.INSTANCE_UPDATE_FAILED),
            event(3, 5, JobUpdateAction.INSTANCE_UPDATING),
            event(3, 6, JobUpdateAction.INSTANCE_UPDATED))));
  }
}
