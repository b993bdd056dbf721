package io.aurora.server.localmesos;

import io.aurora.scheduling.mesos.http.MesosEncoding;
import io.aurora.scheduling.mesos.recordio.RecordIoEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * A subscription's RecordIO stream on an HTTP response. The master queues events without
 * blocking; {@link #pump} writes them on the request's worker thread until the stream closes or a
 * write fails (the scheduler went away).
 */
final class HttpEventStream implements EventSink {
  private static final byte[] END = new byte[0];

  private final String streamId;
  private final MesosEncoding encoding;
  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  HttpEventStream(String streamId, MesosEncoding encoding) {
    this.streamId = streamId;
    this.encoding = encoding;
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public void send(Event event) {
    if (!closed) {
      queue.add(RecordIoEncoder.encode(encoding.encode(event)));
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      queue.add(END);
    }
  }

  /** Writes events until closed; returns normally, or throws when the peer is gone. */
  void pump(OutputStream out) throws IOException, InterruptedException {
    while (true) {
      byte[] record = queue.take();
      if (record == END) {
        return;
      }
      out.write(record);
      // Flush whatever else is ready in one chunk, then push it to the socket.
      byte[] more;
      while ((more = queue.peek()) != null && more != END) {
        out.write(queue.poll());
      }
      out.flush();
    }
  }
}
