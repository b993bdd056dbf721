package io.aurora.scheduling.mesos.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * One persistent HTTP/1.1 connection that carries non-SUBSCRIBE calls, pipelined: requests are
 * written as soon as they are queued, many per write, without waiting for the answers to earlier
 * ones; the server answers in request order, so answers are matched to requests first in, first
 * out. This keeps calls in the order they were made (as one serial sender would) while a burst of
 * thousands of ACKNOWLEDGE calls costs a few socket writes instead of thousands of round trips.
 *
 * <p>A writer thread connects and writes; a reader thread parses answers. Both come from the
 * injected {@link ThreadFactory} (renamed {@code <its name>-writer} and {@code -reader}) and end
 * when the connection is over. At most {@code window}
 * requests are unanswered at a time. When the connection fails (connect error, broken socket, no
 * answer within the request timeout, or the server closing it), every request not yet answered is
 * reported: as lost if it was written (the server may have acted on it), as not sent if it was
 * not, and the connection is over: the owner opens a new one for later calls. Requests
 * are never re-sent, as an HTTP client must not silently repeat a POST.
 */
final class CallConnection {

  /** A request to send, with what to do with its outcome. */
  record Request(byte[] bytes, Object tag) {}

  /** Receives outcomes; called on the connection's threads. */
  interface Listener {
    /** Asked just before a request is written; false drops it unsent. */
    boolean stillWanted(Request request);

    /** Requests dropped unsent because {@link #stillWanted} said so. */
    void dropped(List<Request> requests);

    /** The server's answer to {@code request}. */
    void answered(Request request, CallAnswer answer);

    /**
     * Written requests whose outcome is unknown (the server may have acted on them), because the
     * connection failed before their answers came.
     */
    void lost(List<Request> requests, String reason);

    /** Requests never written, because the connection failed or was closed first. */
    void notSent(List<Request> requests, String reason);
  }

  private static final Request END = new Request(new byte[0], null);
  private static final Request FINISH = new Request(new byte[0], null);

  private final URI endpoint;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Listener listener;
  private final ThreadFactory threads;
  private final LinkedBlockingQueue<Request> outbox = new LinkedBlockingQueue<>();
  private final ArrayDeque<Request> inFlight = new ArrayDeque<>();   // guarded by itself
  private final Semaphore window;
  private volatile boolean closed;
  private volatile boolean finishing;
  private volatile Socket socket;

  CallConnection(URI endpoint, Duration connectTimeout, Duration requestTimeout, int window,
      Listener listener, ThreadFactory threads) {
    this.threads = threads;
    this.endpoint = endpoint;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.window = new Semaphore(window);
    this.listener = listener;
  }

  /** Starts the writer (which connects, then starts the reader). */
  CallConnection start() {
    thread(this::writeLoop, "writer").start();
    return this;
  }

  URI endpoint() {
    return endpoint;
  }

  /** True once the connection failed or was closed; queued requests then go nowhere. */
  boolean isClosed() {
    return closed;
  }

  /** Queues a request; if the connection is already over, it is reported lost at once. */
  void send(Request request) {
    if (closed) {
      listener.notSent(List.of(request), "the connection to " + endpoint + " is closed");
      return;
    }
    outbox.add(request);
  }

  /**
   * Sends what is queued, then closes once every request is answered; later requests are lost.
   */
  void closeWhenSent() {
    outbox.add(FINISH);
  }

  /** Closes the connection; unanswered requests are reported lost. */
  void close() {
    fail("the connection to " + endpoint + " was closed");
  }

  // ---------------------------------------------------------------------------------------------

  private void writeLoop() {
    OutputStream out;
    try {
      Socket s = new Socket();
      socket = s;
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.connect(new InetSocketAddress(endpoint.getHost(), port(endpoint)),
          (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
      s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, requestTimeout.toMillis())));
      out = new BufferedOutputStream(s.getOutputStream(), 64 << 10);
      InputStream in = new BufferedInputStream(s.getInputStream(), 64 << 10);
      thread(() -> readLoop(in), "reader").start();
    } catch (IOException e) {
      fail("cannot connect to " + endpoint + ": " + e);
      return;
    }
    List<Request> batch = new ArrayList<>();
    List<Request> dropped = new ArrayList<>();
    int next = 0;   // batch.get(next) is the first request neither written nor dropped
    try {
      while (!closed) {
        batch.clear();
        next = 0;
        batch.add(outbox.take());
        outbox.drainTo(batch, 4095);
        for (Request request : batch) {
          if (request == END || closed) {
            return;
          }
          if (request == FINISH) {
            out.flush();
            next++;
            finishIfAnswered();
            continue;
          }
          if (finishing || !listener.stillWanted(request)) {
            dropped.add(request);
            next++;
            continue;
          }
          if (!window.tryAcquire()) {
            out.flush();   // the server must see what is written before answers can free room
            window.acquire();
          }
          synchronized (inFlight) {
            inFlight.add(request);
          }
          next++;
          out.write(request.bytes());
        }
        out.flush();
        next = batch.size();
        if (!dropped.isEmpty()) {
          listener.dropped(List.copyOf(dropped));
          dropped.clear();
        }
      }
    } catch (IOException e) {
      fail("writing to " + endpoint + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("the writer was interrupted");
    } finally {
      if (!dropped.isEmpty()) {
        listener.dropped(List.copyOf(dropped));
      }
      reportNotSent(new ArrayList<>(batch.subList(Math.min(next, batch.size()), batch.size())),
          "the connection to " + endpoint + " closed before they were sent");
    }
  }

  private void readLoop(InputStream in) {
    try {
      while (!closed) {
        CallAnswer answer;
        try {
          answer = CallAnswer.read(in);
        } catch (SocketTimeoutException e) {
          synchronized (inFlight) {
            if (inFlight.isEmpty()) {
              continue;   // idle: nothing is owed to us
            }
          }
          throw new IOException("no answer within " + requestTimeout.toMillis() + " ms");
        }
        if (answer == null) {
          fail("the master closed the call connection to " + endpoint);
          return;
        }
        Request request;
        synchronized (inFlight) {
          request = inFlight.poll();
        }
        if (request == null) {
          fail("an answer from " + endpoint + " to no request");
          return;
        }
        window.release();
        listener.answered(request, answer);
        if (finishing) {
          finishIfAnswered();
        }
        if (answer.closesConnection()) {
          fail(endpoint + " closed the call connection after an answer");
          return;
        }
      }
    } catch (IOException e) {
      fail("reading from " + endpoint + " failed: " + e);
    }
  }

  private void finishIfAnswered() {
    finishing = true;
    boolean done;
    synchronized (inFlight) {
      done = inFlight.isEmpty();
    }
    if (done) {
      fail("the connection to " + endpoint + " was closed");
    }
  }

  private void fail(String reason) {
    List<Request> lost;
    List<Request> unsent = new ArrayList<>();
    synchronized (inFlight) {
      if (closed) {
        return;
      }
      closed = true;
      lost = new ArrayList<>(inFlight);
      inFlight.clear();
    }
    outbox.drainTo(unsent);
    outbox.add(END);
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    if (!lost.isEmpty()) {
      listener.lost(lost, reason);
    }
    reportNotSent(unsent, reason);
  }

  /** Tells the listener of {@code requests} never written, leaving out the END/FINISH markers. */
  private void reportNotSent(List<Request> requests, String reason) {
    requests.remove(END);
    requests.remove(FINISH);
    if (!requests.isEmpty()) {
      listener.notSent(requests, reason);
    }
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : 80;
  }

  private Thread thread(Runnable body, String role) {
    Thread t = threads.newThread(body);
    t.setName(t.getName() + "-" + role);
    return t;
  }
}
