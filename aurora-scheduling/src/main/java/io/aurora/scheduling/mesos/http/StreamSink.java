package io.aurora.scheduling.mesos.http;

import java.util.List;
import java.util.concurrent.Executor;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * Moves the events of one subscription attempt ({@code generation}) from the HTTP client's
 * thread to the driver's scheduler thread, then asks the stream for more; reports the stream's end
 * there too.
 */
final class StreamSink implements EventStream.Sink {

  /** Handles one event of a generation, on the scheduler thread. */
  interface Handler {
    void handle(long generation, Event event);
  }

  private final long generation;
  private final Executor scheduler;
  private final Handler handler;
  private final CallSender.BrokenSubscription lost;

  StreamSink(long generation, Executor scheduler, Handler handler,
      CallSender.BrokenSubscription lost) {
    this.generation = generation;
    this.scheduler = scheduler;
    this.handler = handler;
    this.lost = lost;
  }

  @Override
  public void events(EventStream es, List<Event> events) {
    scheduler.execute(() -> {
      for (Event event : events) {
        handler.handle(generation, event);
      }
      es.requestMore();
    });
  }

  @Override
  public void failed(EventStream es, String reason) {
    scheduler.execute(() -> lost.broken(generation, reason));
  }

  @Override
  public void ended(EventStream es) {
    scheduler.execute(() -> lost.broken(generation, "the master closed the event stream"));
  }
}
