package io.aurora.server.localmesos;

import org.apache.mesos.v1.scheduler.Protos.Event;

/** One subscription's event stream, as the master sees it. Implementations never block. */
interface EventSink {

  /** The {@code Mesos-Stream-Id} of this subscription. */
  String streamId();

  /** Queues an event; dropped silently once the stream is closed. */
  void send(Event event);

  /** Ends the stream (after queued events are written). */
  void close();
}
