package io.aurora.server.localmesos;

import com.google.protobuf.InvalidProtocolBufferException;
import io.aurora.scheduling.mesos.http.MesosEncoding;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/scheduler} (also under {@code /master}): the HTTP rules of the Mesos master's
 * scheduler endpoint (405, 415 for anything but the exact media types, 400 for bad bodies and
 * stream ids, 406 when Accept allows neither encoding, 200 + RecordIO stream for SUBSCRIBE, 202
 * for other calls) in front of {@link LocalMaster}.
 */
final class SchedulerEndpoint implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerEndpoint.class);
  static final HttpString STREAM_ID = new HttpString("Mesos-Stream-Id");

  private final LocalMaster master;

  SchedulerEndpoint(LocalMaster master) {
    this.master = master;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    // Calls are handled on the IO thread (the master answers at once, without blocking), so a
    // pipelined burst of calls costs no thread hand-offs; only SUBSCRIBE, whose answer is a
    // long-lived stream, moves to a worker thread.
    if (!exchange.getRequestMethod().equals(Methods.POST)) {
      reply(exchange, 405, "Expecting a 'POST' request");
      return;
    }
    String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (contentType == null) {
      reply(exchange, 400, "Expecting 'Content-Type' to be present");
      return;
    }
    Optional<MesosEncoding> encoding = MesosEncoding.fromMediaType(contentType);
    if (encoding.isEmpty()) {
      reply(exchange, 415, "Expecting 'Content-Type' of application/json or application/x-protobuf");
      return;
    }
    exchange.getRequestReceiver().receiveFullBytes(
        (ex, body) -> handleCall(ex, encoding.get(), body),
        (ex, e) -> {
          LOG.info("Could not read a call's body: {}", e.toString());
          ex.setStatusCode(400);
          ex.endExchange();
        });
  }

  private void handleCall(HttpServerExchange exchange, MesosEncoding encoding, byte[] body) {
    Call call;
    try {
      call = encoding.decode(body, Call.newBuilder());
    } catch (InvalidProtocolBufferException e) {
      reply(exchange, 400, "Failed to parse body into Call: " + e.getMessage());
      return;
    }
    if (!call.hasType()) {
      reply(exchange, 400, "Failed to validate scheduler::Call: Expecting 'type' to be present");
      return;
    }
    String streamId = exchange.getRequestHeaders().getFirst(STREAM_ID);
    if (call.getType() == Call.Type.SUBSCRIBE) {
      exchange.dispatch(() -> {
        exchange.startBlocking();
        try {
          subscribe(exchange, call, streamId);
        } catch (IOException e) {
          LOG.info("SUBSCRIBE failed: {}", e.toString());
          exchange.endExchange();
        }
      });
      return;
    }
    LocalMaster.Answer answer = master.call(call, streamId);
    reply(exchange, answer.status(), answer.message());
  }

  private void subscribe(HttpServerExchange exchange, Call call, String streamId)
      throws IOException {
    if (streamId != null) {
      reply(exchange, 400, "Subscribe calls should not include the 'Mesos-Stream-Id' header");
      return;
    }
    Optional<String> invalid = LocalMaster.validateSubscribe(call);
    if (invalid.isPresent()) {
      reply(exchange, 400, "Failed to validate scheduler::Call: " + invalid.get());
      return;
    }
    Optional<MesosEncoding> accepted = negotiate(exchange.getRequestHeaders().getFirst(Headers.ACCEPT));
    if (accepted.isEmpty()) {
      reply(exchange, 406, "Expecting 'Accept' to allow application/json or application/x-protobuf");
      return;
    }
    HttpEventStream stream = new HttpEventStream(UUID.randomUUID().toString(), accepted.get());
    exchange.setStatusCode(200);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, accepted.get().mediaType());
    exchange.getResponseHeaders().put(STREAM_ID, stream.streamId());
    master.subscribe(call, stream);
    try {
      stream.pump(exchange.getOutputStream());
    } catch (IOException e) {
      LOG.info("Subscription stream {} broke: {}", stream.streamId(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stream.close();
      master.disconnected(stream);
      exchange.endExchange();
    }
  }

  /** JSON if acceptable, else protobuf, as the master does; no Accept header accepts anything. */
  private static Optional<MesosEncoding> negotiate(String accept) {
    if (accept == null || accept.contains("*/*") || accept.contains("application/*")
        || accept.contains(MesosEncoding.JSON.mediaType())) {
      return Optional.of(MesosEncoding.JSON);
    }
    if (accept.contains(MesosEncoding.PROTOBUF.mediaType())) {
      return Optional.of(MesosEncoding.PROTOBUF);
    }
    return Optional.empty();
  }

  private static void reply(HttpServerExchange exchange, int status, String message) {
    exchange.setStatusCode(status);
    if (!message.isEmpty()) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send(message, StandardCharsets.UTF_8);
    } else {
      exchange.endExchange();
    }
  }
}
