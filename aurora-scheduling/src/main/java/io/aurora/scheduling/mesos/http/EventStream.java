package io.aurora.scheduling.mesos.http;

import com.google.protobuf.InvalidProtocolBufferException;
import io.aurora.scheduling.mesos.recordio.RecordIoDecoder;
import io.aurora.scheduling.mesos.recordio.RecordIoException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * The body of a SUBSCRIBE response: RecordIO-framed events. Bytes are decoded on the HTTP client's
 * thread and handed to a {@link Sink} a batch at a time; the next bytes are requested only after
 * the sink calls {@link #requestMore()}, so a slow scheduler pushes back on the master instead of
 * buffering without bound.
 */
final class EventStream implements BodySubscriber<Void> {

  /** Receives decoded events; called on the HTTP client's threads, one batch at a time. */
  interface Sink {
    /** Events decoded from one chunk of bytes (possibly none). */
    void events(EventStream stream, List<Event> events);

    /** The stream cannot continue: framing or decoding failed, or the connection broke. */
    void failed(EventStream stream, String reason);

    /** The master ended the stream cleanly. */
    void ended(EventStream stream);
  }

  private final RecordIoDecoder decoder;
  private final MesosEncoding encoding;
  private final Sink sink;
  private final CompletableFuture<Void> body = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;

  EventStream(int maxRecordBytes, MesosEncoding encoding, Sink sink) {
    this.decoder = new RecordIoDecoder(maxRecordBytes);
    this.encoding = encoding;
    this.sink = sink;
  }

  @Override
  public CompletionStage<Void> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription newSubscription) {
    this.subscription = newSubscription;
    if (cancelled) {
      newSubscription.cancel();
    } else {
      newSubscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (cancelled) {
      return;
    }
    List<Event> events = new ArrayList<>();
    try {
      for (ByteBuffer buffer : buffers) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        for (byte[] record : decoder.decode(bytes)) {
          events.add(encoding.decode(record, Event.newBuilder()));
        }
      }
    } catch (RecordIoException | InvalidProtocolBufferException e) {
      cancel();
      sink.failed(this, "undecodable event stream: " + e.getMessage());
      return;
    }
    sink.events(this, events);
  }

  @Override
  public void onError(Throwable error) {
    body.complete(null);
    if (!cancelled) {
      sink.failed(this, "event stream broke: " + error);
    }
  }

  @Override
  public void onComplete() {
    body.complete(null);
    if (cancelled) {
      return;
    }
    if (decoder.atRecordBoundary()) {
      sink.ended(this);
    } else {
      sink.failed(this, "event stream ended in the middle of a record");
    }
  }

  /** Asks for the next chunk; the sink calls this once it has handled a batch. */
  void requestMore() {
    Flow.Subscription s = subscription;
    if (s != null && !cancelled) {
      s.request(1);
    }
  }

  /** Closes the connection; no more callbacks reach the sink. */
  void cancel() {
    cancelled = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    body.complete(null);
  }
}
