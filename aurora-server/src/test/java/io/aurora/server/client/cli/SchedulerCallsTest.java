package io.aurora.server.client.cli;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.server.client.ScriptedScheduler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.Test;

class SchedulerCallsTest {
  private static final JobKey JOB = new JobKey("www", "prod", "hello");
  private final ScriptedScheduler scheduler = new ScriptedScheduler();
  private final List<Duration> pauses = new ArrayList<>();
  private final SchedulerCalls calls = new SchedulerCalls(
      new SchedulerHandle(scheduler.iface(), URI.create("http://h/")), pauses::add);

  @Test
  void transient_isRetriedAfterAPause_untilItSucceeds() {
    Response transientError = response(ResponseCode.ERROR_TRANSIENT, null, "storage busy");
    scheduler.answer("killTasks", transientError, transientError, ok(null));

    Response r = calls.ok(api -> api.killTasks(JOB, null, "m"));

    assertThat(r.getResponseCode()).isEqualTo(ResponseCode.OK);
    assertThat(scheduler.calls("killTasks")).hasSize(3);
    assertThat(pauses).containsExactly(SchedulerCalls.TRANSIENT_PAUSE, SchedulerCalls.TRANSIENT_PAUSE);
  }

  @Test
  void transient_givesUpAfterTheLastAttempt_asAnApiError() {
    for (int i = 0; i < SchedulerCalls.TRANSIENT_ATTEMPTS; i++) {
      scheduler.answer("killTasks", response(ResponseCode.ERROR_TRANSIENT, null, "storage busy"));
    }

    assertThatThrownBy(() -> calls.ok(api -> api.killTasks(JOB, null, "m")))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.API_ERROR))
        .hasMessage("ERROR_TRANSIENT: storage busy");
    assertThat(scheduler.calls("killTasks")).hasSize(SchedulerCalls.TRANSIENT_ATTEMPTS);
    assertThat(pauses).hasSize(SchedulerCalls.TRANSIENT_ATTEMPTS - 1);
  }

  @Test
  void nonOk_carriesTheCodeAndEveryMessage_withoutRetry() {
    scheduler.answer("killTasks", response(ResponseCode.INVALID_REQUEST, null, "first", "second"));

    assertThatThrownBy(() -> calls.ok(api -> api.killTasks(JOB, null, "m")))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.API_ERROR))
        .hasMessage("INVALID_REQUEST: first: second");
    assertThat(pauses).isEmpty();
  }

  @Test
  void jobUpdatingError_addsAHintToAbortOrWait() {
    scheduler.answer("killTasks", response(ResponseCode.JOB_UPDATING_ERROR, null, "updating"));

    assertThatThrownBy(() -> calls.ok(api -> api.killTasks(JOB, null, "m")))
        .hasMessageStartingWith("JOB_UPDATING_ERROR: updating\n")
        .hasMessageContaining("aurora update abort").hasMessageContaining("aurora update wait");
  }

  @Test
  void call_returnsNonOkAnswersForTheCallerToJudge() {
    scheduler.answer("killTasks", response(ResponseCode.INVALID_REQUEST, null, "no"));
    assertThat(calls.call(api -> api.killTasks(JOB, null, "m")).getResponseCode())
        .isEqualTo(ResponseCode.INVALID_REQUEST);
  }

  @Test
  void thriftFailures_becomeOneLineWithTheirExitStatus() {
    scheduler.fail("killTasks", new TTransportException("cannot reach http://h/api: refused\nmore"));
    scheduler.fail("killTasks", new TProtocolException("bad bytes"));
    scheduler.fail("killTasks", new TApplicationException(TApplicationException.UNKNOWN_METHOD,
        "Invalid method name: 'killTasks'"));

    assertThatThrownBy(() -> calls.call(api -> api.killTasks(JOB, null, "m")))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.NETWORK_ERROR))
        .hasMessage("cannot reach http://h/api: refused");
    assertThatThrownBy(() -> calls.call(api -> api.killTasks(JOB, null, "m")))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.NETWORK_ERROR))
        .hasMessage("cannot read the scheduler's reply: bad bytes");
    assertThatThrownBy(() -> calls.call(api -> api.killTasks(JOB, null, "m")))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.API_ERROR))
        .hasMessageContaining("Invalid method name");
  }
}
