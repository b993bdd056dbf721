package io.aurora.scheduling.mesos.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongPredicate;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends non-SUBSCRIBE calls, one after another in the order given, each a POST on a connection
 * other than the event stream's and carrying the subscription's {@code Mesos-Stream-Id}.
 *
 * <p>Every call belongs to a subscription generation. A queued call whose generation is over by
 * the time its turn comes is dropped: its stream id would only earn a 400. A 307 (the master is no
 * longer the leader) or 403 (it no longer counts us as subscribed) means the subscription itself is
 * broken, which is reported so the driver re-subscribes; other failures are logged.
 */
final class CallSender {
  private static final Logger LOG = LoggerFactory.getLogger(CallSender.class);

  /** Told when an answer shows that the subscription of {@code generation} is broken. */
  interface BrokenSubscription {
    void broken(long generation, String reason);
  }

  private final HttpClient http;
  private final MesosClientOptions options;
  private final LongPredicate isCurrent;
  private final BrokenSubscription onBroken;
  private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);

  CallSender(HttpClient http, MesosClientOptions options, LongPredicate isCurrent,
      BrokenSubscription onBroken) {
    this.http = http;
    this.options = options;
    this.isCurrent = isCurrent;
    this.onBroken = onBroken;
  }

  /**
   * Queues {@code call} behind the calls before it.
   *
   * @param evenIfOver send even if the subscription ended meanwhile (TEARDOWN, queued just before
   *     the driver stops itself)
   */
  synchronized void send(Call call, URI endpoint, String streamId, long generation,
      boolean evenIfOver) {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(options.requestTimeout())
        .header("Content-Type", options.encoding().mediaType())
        .header(HttpDriver.STREAM_ID, streamId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(options.encoding().encode(call)))
        .build();
    chain = chain.thenCompose(ignored -> {
      if (!evenIfOver && !isCurrent.test(generation)) {
        LOG.info("Dropping a queued {} call: its subscription ended", call.getType());
        return CompletableFuture.completedFuture(null);
      }
      return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
          .handle((response, error) -> {
            answered(generation, endpoint, call.getType(), response, error);
            return null;
          });
    });
  }

  private void answered(long generation, URI endpoint, Call.Type type,
      HttpResponse<String> response, Throwable error) {
    if (error != null) {
      LOG.warn("{} call to {} failed: {}", type, endpoint, error.toString());
      return;
    }
    int status = response.statusCode();
    if (status == 202 || status == 200) {
      return;
    }
    String body = response.body().strip();
    if (status == 307 || status == 403) {
      onBroken.broken(generation, type + " call answered " + status + " " + body);
    } else {
      LOG.error("Mesos master {} rejected {} call with {}: {}", endpoint, type, status, body);
    }
  }
}
