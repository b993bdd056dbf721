package io.aurora.scheduling.mesos.http;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongPredicate;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends non-SUBSCRIBE calls, each a POST carrying the subscription's {@code Mesos-Stream-Id},
 * pipelined on persistent connections other than the event stream's ({@link CallConnection}s; new
 * ones after a failure or when the master changes). Two lanes: ACKNOWLEDGE calls on one
 * connection, all other calls on another, each in the order given. A burst of thousands of
 * acknowledgements thus never queues an ACCEPT behind it (or the reverse), and the master may
 * handle the two connections on two threads. Mesos orders calls only within a connection, and
 * nothing in the scheduler depends on an acknowledgement's order relative to other calls.
 *
 * <p>Every call belongs to a subscription generation. A queued call whose generation is over by
 * the time its turn comes is dropped: its stream id would only earn a 400. A 307 (the master is no
 * longer the leader) or 403 (it no longer counts us as subscribed) means the subscription itself is
 * broken, which is reported so the driver re-subscribes; other failures are logged. Calls lost with
 * a broken connection are not repeated: the driver's recovery (the master re-sending unacknowledged
 * updates, offers coming back, reconciliation) covers them, as for any call the master never saw.
 * An ACCEPT that the master certainly did not take (answered with an error, dropped, or never
 * written) is also reported, so that the scheduler can give up its launch at once; one whose
 * outcome is unknown (written, then the connection broke) is not.
 */
final class CallSender implements CallConnection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(CallSender.class);
  /** Unanswered pipelined calls at a time, enough to keep a loopback master busy. */
  private static final int WINDOW = 8192;

  /** Told when an answer shows that the subscription of {@code generation} is broken. */
  interface BrokenSubscription {
    void broken(long generation, String reason);
  }

  /** Told of an ACCEPT call that the master did not take. */
  interface RefusedAccept {
    void refused(Call accept, String reason);
  }

  /** What the sender remembers of a call on its way; {@code accept} is kept for ACCEPT only. */
  private record Sent(Call.Type type, long generation, boolean evenIfOver, URI endpoint,
      Call accept) {}

  private final MesosClientOptions options;
  private final Duration connectTimeout;
  private final LongPredicate isCurrent;
  private final BrokenSubscription onBroken;
  private final RefusedAccept onRefused;
  private final ThreadFactory threads;
  private final CallConnection[] lanes = new CallConnection[2];   // guarded by this

  CallSender(MesosClientOptions options, Duration connectTimeout, LongPredicate isCurrent,
      BrokenSubscription onBroken, RefusedAccept onRefused, ThreadFactory threads) {
    this.threads = threads;
    this.options = options;
    this.connectTimeout = connectTimeout;
    this.isCurrent = isCurrent;
    this.onBroken = onBroken;
    this.onRefused = onRefused;
  }

  /**
   * Queues {@code call} behind the calls before it.
   *
   * @param evenIfOver send even if the subscription ended meanwhile (TEARDOWN, queued just before
   *     the driver stops itself)
   */
  synchronized void send(Call call, URI endpoint, String streamId, long generation,
      boolean evenIfOver) {
    int lane = call.getType() == Call.Type.ACKNOWLEDGE ? 1 : 0;
    CallConnection connection = lanes[lane];
    if (connection == null || connection.isClosed() || !connection.endpoint().equals(endpoint)) {
      if (connection != null) {
        connection.close();
      }
      connection = new CallConnection(endpoint, connectTimeout, options.requestTimeout(), WINDOW,
          this, threads).start();
      lanes[lane] = connection;
    }
    byte[] bytes = CallAnswer.request(endpoint, options.encoding().mediaType(), streamId,
        options.encoding().encode(call));
    connection.send(new CallConnection.Request(bytes,
        new Sent(call.getType(), generation, evenIfOver, endpoint,
            call.getType() == Call.Type.ACCEPT ? call : null)));
  }

  /** The driver stopped: sends what is queued (a TEARDOWN), then closes the connection. */
  synchronized void closeWhenSent() {
    for (int i = 0; i < lanes.length; i++) {
      if (lanes[i] != null) {
        lanes[i].closeWhenSent();
        lanes[i] = null;
      }
    }
  }

  @Override
  public boolean stillWanted(CallConnection.Request request) {
    Sent sent = (Sent) request.tag();
    return sent.evenIfOver() || isCurrent.test(sent.generation());
  }

  @Override
  public void dropped(List<CallConnection.Request> requests) {
    LOG.info("Dropped {} queued calls ({}): their subscription ended", requests.size(),
        countByType(requests));
    refuseAccepts(requests, "the Mesos subscription ended before the call was sent");
  }

  @Override
  public void lost(List<CallConnection.Request> requests, String reason) {
    LOG.warn("{} calls ({}) may not have reached the master: {}", requests.size(),
        countByType(requests), reason);
  }

  @Override
  public void notSent(List<CallConnection.Request> requests, String reason) {
    LOG.warn("{} calls ({}) were not sent: {}", requests.size(), countByType(requests), reason);
    refuseAccepts(requests, "the call was not sent: " + reason);
  }

  @Override
  public void answered(CallConnection.Request request, CallAnswer answer) {
    Sent sent = (Sent) request.tag();
    int status = answer.status();
    if (status == 202 || status == 200) {
      return;
    }
    String body = answer.body().strip();
    if (sent.accept() != null) {
      // The body goes into task events: a few hundred characters say enough.
      String said = body.length() > 300 ? body.substring(0, 300) + "..." : body;
      onRefused.refused(sent.accept(), "the Mesos master answered " + status
          + (said.isEmpty() ? "" : " " + said));
    }
    if (status == 307 || status == 403) {
      onBroken.broken(sent.generation(), sent.type() + " call answered " + status + " " + body
          + answer.location().map(l -> " (Location: " + l + ")").orElse(""));
    } else {
      LOG.error("Mesos master {} rejected {} call with {}: {}", sent.endpoint(), sent.type(),
          status, body);
    }
  }

  private void refuseAccepts(List<CallConnection.Request> requests, String reason) {
    for (CallConnection.Request r : requests) {
      Call accept = ((Sent) r.tag()).accept();
      if (accept != null) {
        onRefused.refused(accept, reason);
      }
    }
  }

  private static Map<Call.Type, Integer> countByType(List<CallConnection.Request> requests) {
    Map<Call.Type, Integer> counts = new EnumMap<>(Call.Type.class);
    for (CallConnection.Request r : requests) {
      counts.merge(((Sent) r.tag()).type(), 1, Integer::sum);
    }
    return counts;
  }
}
