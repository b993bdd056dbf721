package io.aurora.scheduling.mesos.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The cause in a re-subscription line is words, not the JDK's wrapped, message-less exceptions. */
class HttpDriverReasonTest {
  @Test
  void refusedConnection_wrappedAndWithoutMessage_isConnectionRefused() {
    assertThat(HttpDriver.why(new CompletionException(new ConnectException())))
        .isEqualTo("connection refused");
  }

  @Test
  void timeout_isTimedOut() {
    assertThat(HttpDriver.why(new CompletionException(new HttpTimeoutException("request timed out"))))
        .isEqualTo("timed out");
  }

  @Test
  void otherFailures_keepTheirTypeAndMessage() {
    assertThat(HttpDriver.why(new CompletionException(new IOException("connection reset"))))
        .isEqualTo("IOException: connection reset");
    assertThat(HttpDriver.why(new IllegalStateException())).isEqualTo("IllegalStateException");
  }
}
