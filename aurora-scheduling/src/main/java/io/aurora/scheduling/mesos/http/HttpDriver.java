package io.aurora.scheduling.mesos.http;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.aurora.scheduling.mesos.Calls;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.DriverListener;
import io.aurora.scheduling.mesos.FrameworkOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Driver} speaking the Mesos v1 scheduler HTTP API.
 *
 * <p>One long-lived POST carries SUBSCRIBE and its RecordIO event stream; every other call goes
 * through a {@link CallSender}: a separate POST carrying the stream's {@code Mesos-Stream-Id},
 * pipelined in call order on a persistent connection (one for acknowledgements, one for the
 * other calls).
 *
 * <p>Everything that changes state runs on the injected single-threaded scheduler, which is also
 * the thread that calls the {@link DriverListener}. Each connection attempt has a generation
 * number; callbacks from an older attempt are ignored, so a stale stream can never deliver events
 * or trigger a second reconnect.
 *
 * <p>Failure handling follows the Mesos docs: no event for {@code missedHeartbeats} heartbeat
 * intervals, a stream that breaks or ends (even mid-record), an undecodable event, a 307 from a
 * call, or a 403 "not subscribed" drop the stream and re-subscribe with the same framework id after
 * an exponential backoff. A 307 on SUBSCRIBE is followed at once (up to a few hops). An ERROR
 * event (framework removed, or failed over to another scheduler) is final: the driver stops and
 * reports {@link DriverListener#error}. An ACCEPT that the master did not take (an error answer, or
 * never sent) is reported through {@link DriverListener#acceptFailed}.
 */
public final class HttpDriver implements Driver {
  private static final Logger LOG = LoggerFactory.getLogger(HttpDriver.class);
  static final String PATH = "/api/v1/scheduler";
  static final String STREAM_ID = "Mesos-Stream-Id";
  private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  private static final int MAX_REDIRECTS = 5;

  private enum State { NEW, CONNECTING, SUBSCRIBED, STOPPED }

  private final FrameworkInfo frameworkInfo;
  private final MesosClientOptions options;
  private final MasterDetector detector;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final CallSender calls;

  // All below guarded by this. Mutated on the scheduler thread, read by callers of the calls.
  private DriverListener listener;
  private boolean closeDetectorOnStop;
  private State state = State.NEW;
  private Optional<FrameworkID> frameworkId = Optional.empty();
  private long generation;
  /** A subscription failed and the next attempt is a retry (its line was logged already). */
  private boolean retrying;
  private URI endpoint;
  private String streamId;
  private EventStream stream;
  private Duration heartbeatTimeout;
  private ScheduledFuture<?> heartbeatTimer;
  private ScheduledFuture<?> reconnectTimer;

  /**
   * As {@link #HttpDriver(FrameworkInfo, MesosClientOptions, MasterDetector, HttpClient,
   * ScheduledExecutorService, ThreadFactory)} with {@link #defaultCallThreads()}.
   */
  public HttpDriver(FrameworkInfo frameworkInfo, MesosClientOptions options,
      MasterDetector detector, HttpClient http, ScheduledExecutorService scheduler) {
    this(frameworkInfo, options, detector, http, scheduler, defaultCallThreads());
  }

  /**
   * @param scheduler a single-threaded scheduler: runs the state machine, the timers and the
   *     listener callbacks, in order
   * @param callThreads makes the writer and reader threads of the connections that carry calls
   *     (two per connection, two connections at a time); they end when their connection does
   */
  public HttpDriver(FrameworkInfo frameworkInfo, MesosClientOptions options,
      MasterDetector detector, HttpClient http, ScheduledExecutorService scheduler,
      ThreadFactory callThreads) {
    this.frameworkInfo = frameworkInfo;
    this.options = options;
    this.detector = detector;
    this.http = http;
    this.scheduler = scheduler;
    this.backoff = new Backoff(options.initialBackoff(), options.maxBackoff());
    this.calls = new CallSender(options, http.connectTimeout().orElse(MesosClientOptions.DEFAULT_CONNECT_TIMEOUT),
        this::isCurrent,
        (gen, reason) -> scheduler.execute(() -> lost(gen, reason)),
        (accept, reason) -> scheduler.execute(() -> acceptRefused(
            accept.getAccept().getOfferIdsList(), accept.getAccept().getOperationsList(), reason)),
        Objects.requireNonNull(callThreads, "callThreads"));
  }

  /** Daemon threads named {@code mesos-calls}: for drivers built without a thread factory. */
  public static ThreadFactory defaultCallThreads() {
    return new ThreadFactoryBuilder().setNameFormat("mesos-calls").setDaemon(true).build();
  }

  /**
   * A driver for a {@code -mesos_master_address} ({@code host:port} or {@code zk://...}) that owns
   * its master detector and closes it when stopped.
   */
  public static HttpDriver forAddress(String masterAddress, FrameworkOptions framework,
      MesosClientOptions options, ScheduledExecutorService scheduler) {
    return forAddress(masterAddress, framework, options, scheduler,
        newHttpClient(MesosClientOptions.DEFAULT_CONNECT_TIMEOUT), defaultCallThreads());
  }

  /**
   * As {@link #forAddress(String, FrameworkOptions, MesosClientOptions, ScheduledExecutorService)}
   * over {@code http} and with the call connections' threads made by {@code callThreads}. A
   * {@code zk://} detector's ZooKeeper client is closed when the driver stops.
   */
  public static HttpDriver forAddress(String masterAddress, FrameworkOptions framework,
      MesosClientOptions options, ScheduledExecutorService scheduler, HttpClient http,
      ThreadFactory callThreads) {
    MasterDetector detector = MasterDetectors.forAddress(masterAddress, scheduler);
    HttpDriver driver = new HttpDriver(framework.toFrameworkInfo(), options, detector, http,
        scheduler, callThreads);
    driver.closeDetectorOnStop = true;
    return driver;
  }

  /** An HTTP client suited to the driver: HTTP/1.1 (the master speaks nothing else), no redirects. */
  public static HttpClient newHttpClient(Duration connectTimeout) {
    return builder(connectTimeout).build();
  }

  /**
   * As {@link #newHttpClient(Duration)}, running the client's asynchronous work (the event
   * stream's body, completions) on {@code executor} instead of a pool of the client's own; the
   * JDK still gives each client one selector thread of its own, which ends once the client is
   * unreachable.
   */
  public static HttpClient newHttpClient(Duration connectTimeout, Executor executor) {
    return builder(connectTimeout).executor(Objects.requireNonNull(executor, "executor")).build();
  }

  private static HttpClient.Builder builder(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout);
  }

  @Override
  public synchronized void subscribe(Optional<FrameworkID> storedId, DriverListener newListener) {
    if (state != State.NEW) {
      throw new IllegalStateException("HttpDriver already started (" + state + ")");
    }
    this.listener = newListener;
    this.frameworkId = storedId;
    this.state = State.CONNECTING;
    this.heartbeatTimeout = DEFAULT_HEARTBEAT.multipliedBy(options.missedHeartbeats());
    detector.onChange(() -> scheduler.execute(this::onLeaderMaybeChanged));
    scheduler.execute(() -> connect(Optional.empty(), 0));
  }

  /**
   * Finds the leading master, encodes a SUBSCRIBE call (not sent) and sends one {@code GET} to
   * the master's scheduler endpoint, which a master answers with 405 and nothing else: the
   * connection, the HTTP client and the call encoding are then warm for the takeover.
   */
  @Override
  public void prepare() {
    scheduler.execute(() -> {
      synchronized (this) {
        if (state != State.NEW) {
          return;
        }
      }
      try {
        options.encoding().encode(Calls.subscribe(frameworkInfo, frameworkId));
        Optional<URI> target = detector.leader().map(b -> b.resolve(PATH));
        if (target.isEmpty()) {
          LOG.debug("No leading Mesos master known yet; nothing to prepare");
          return;
        }
        HttpRequest probe = HttpRequest.newBuilder(target.get())
            .timeout(options.requestTimeout()).GET().build();
        http.sendAsync(probe, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) ->
            LOG.debug("Prepared the connection to {}: {}", target.get(),
                e != null ? why(e) : "HTTP " + r.statusCode()));
      } catch (RuntimeException e) {
        LOG.debug("Could not prepare the Mesos subscription: {}", e.toString());
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Subscription

  private void connect(Optional<URI> redirectedTo, int hops) {
    // The leader lookup may be ZooKeeper IO: do it outside the lock that callers of calls take;
    // subscribeTo checks the state again (stop() may have run meanwhile).
    synchronized (this) {
      if (state != State.CONNECTING) {
        return;
      }
    }
    Optional<URI> target = redirectedTo.or(() -> detector.leader().map(b -> b.resolve(PATH)));
    subscribeTo(target, hops);
  }

  private synchronized void subscribeTo(Optional<URI> target, int hops) {
    if (state != State.CONNECTING) {
      return;
    }
    long gen = ++generation;
    if (target.isEmpty()) {
      scheduleReconnect("No leading Mesos master known (" + detector + ")");
      return;
    }
    endpoint = target.get();
    // A retry's attempt is already announced by the line that scheduled it.
    if (!retrying || LOG.isDebugEnabled()) {
      LOG.atLevel(retrying ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.INFO).log(
          "Subscribing to Mesos master at {} as {}", endpoint,
          frameworkId.map(id -> "framework " + id.getValue()).orElse("a new framework"));
    }
    MesosEncoding encoding = options.encoding();
    HttpRequest request = subscribeRequest(endpoint, encoding);
    URI requested = endpoint;
    http.<Object>sendAsync(request, info -> {
      if (info.statusCode() == 200) {
        String id = info.headers().firstValue(STREAM_ID).orElse(null);
        EventStream es = new EventStream(options.maxRecordBytes(), encoding,
            new StreamSink(gen, scheduler, this::handle, this::lost));
        scheduler.execute(() -> streamOpened(gen, id, es));
        return BodySubscribers.mapping(es, v -> (Object) null);
      }
      return BodySubscribers.mapping(
          BodySubscribers.ofString(StandardCharsets.UTF_8), s -> (Object) s);
    }).whenComplete((response, error) -> scheduler.execute(() -> {
      if (error != null) {
        lost(gen, "SUBSCRIBE to " + requested + " failed: " + why(error));
      } else if (response.statusCode() != 200) {
        subscribeRejected(gen, requested, response.statusCode(), response.headers(),
            String.valueOf(response.body()), hops);
      }
      // 200: the stream's own callbacks report its end.
    }));
  }

  private HttpRequest subscribeRequest(URI target, MesosEncoding encoding) {
    return HttpRequest.newBuilder(target)
        .timeout(options.requestTimeout())
        .header("Content-Type", encoding.mediaType())
        .header("Accept", encoding.mediaType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            encoding.encode(Calls.subscribe(frameworkInfo, frameworkId))))
        .build();
  }

  private synchronized void streamOpened(long gen, String id, EventStream es) {
    if (gen != generation || state != State.CONNECTING) {
      es.cancel();
      return;
    }
    if (id == null) {
      es.cancel();
      lost(gen, "SUBSCRIBE answer from " + endpoint + " has no " + STREAM_ID + " header");
      return;
    }
    stream = es;
    streamId = id;
    retrying = false;
    armHeartbeat(gen);
  }

  private synchronized void subscribeRejected(
      long gen, URI requested, int status, HttpHeaders headers, String body, int hops) {
    if (gen != generation || state != State.CONNECTING) {
      return;
    }
    Optional<String> location = headers.firstValue("Location");
    if (status == 307 && location.isPresent() && hops < MAX_REDIRECTS) {
      URI leader = Redirects.resolve(requested, location.get());
      LOG.info("Mesos master {} is not the leader; redirected to {}", requested, leader);
      connect(Optional.of(leader), hops + 1);
      return;
    }
    if (status == 503) {
      scheduleReconnect("Mesos master " + requested + " not ready (503: " + body.strip() + ")");
    } else {
      scheduleReconnect("Mesos master " + requested + " rejected SUBSCRIBE with " + status + ": "
          + body.strip());
    }
  }

  /** The stream of generation {@code gen} is gone: tell the listener, and re-subscribe later. */
  private synchronized void lost(long gen, String reason) {
    if (gen != generation || (state != State.CONNECTING && state != State.SUBSCRIBED)) {
      return;
    }
    boolean wasSubscribed = state == State.SUBSCRIBED;
    closeStream();
    generation++;
    state = State.CONNECTING;
    scheduleReconnect("Lost the Mesos subscription: " + reason);
    if (wasSubscribed) {
      notify(l -> l.disconnected());
    }
  }

  /** Retries later; one line per attempt, the cause and the delay (no stack trace). */
  private void scheduleReconnect(String cause) {
    Duration delay = backoff.next();
    retrying = true;
    LOG.warn("{}; re-subscribing to Mesos in {} ms", cause, delay.toMillis());
    cancel(reconnectTimer);
    reconnectTimer = scheduler.schedule(
        () -> connect(Optional.empty(), 0), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void onLeaderMaybeChanged() {
    if (state != State.SUBSCRIBED || endpoint == null) {
      return;
    }
    Optional<URI> leader = detector.leader();
    URI current = endpoint.resolve("/");
    if (leader.isPresent() && !leader.get().resolve("/").equals(current)) {
      lost(generation, "leading master changed from " + current + " to " + leader.get());
    }
  }

  /** Why an HTTP call failed, in words: the JDK's exceptions often carry no message. */
  static String why(Throwable error) {
    Throwable e = error;
    while ((e instanceof java.util.concurrent.CompletionException
        || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof java.net.ConnectException && (e.getMessage() == null
        || e.getMessage().isBlank())) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private void armHeartbeat(long gen) {
    cancel(heartbeatTimer);
    Duration timeout = heartbeatTimeout;
    heartbeatTimer = scheduler.schedule(() -> lost(gen, "no event from the master for "
        + timeout.toMillis() + " ms (" + options.missedHeartbeats() + " heartbeats missed)"),
        timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void closeStream() {
    if (stream != null) {
      stream.cancel();
      stream = null;
    }
    streamId = null;
    cancel(heartbeatTimer);
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  /**
   * Handles one event on the scheduler thread: the driver's own state changes under the lock, the
   * listener is called after it is released, so a slow listener never blocks calls made from
   * other threads (acknowledgements of a batch that just became durable, say).
   */
  private void handle(long gen, Event event) {
    Consumer<DriverListener> call = apply(gen, event);
    if (call != null) {
      notify(call);
    }
  }

  /** What the listener must be told of {@code event}, or null. */
  private synchronized Consumer<DriverListener> apply(long gen, Event event) {
    if (gen != generation || (state != State.CONNECTING && state != State.SUBSCRIBED)) {
      return null;
    }
    armHeartbeat(gen);
    switch (event.getType()) {
      case SUBSCRIBED -> {
        Event.Subscribed s = event.getSubscribed();
        frameworkId = Optional.of(s.getFrameworkId());
        state = State.SUBSCRIBED;
        backoff.reset();
        if (s.hasHeartbeatIntervalSeconds() && s.getHeartbeatIntervalSeconds() > 0) {
          heartbeatTimeout = Duration.ofMillis(Math.round(
              s.getHeartbeatIntervalSeconds() * 1000 * options.missedHeartbeats()));
          armHeartbeat(gen);
        }
        LOG.info("Subscribed to Mesos master {} as framework {} (stream {})", endpoint,
            s.getFrameworkId().getValue(), streamId);
        return l -> l.subscribed(s.getFrameworkId(), s.getMasterInfo());
      }
      case ERROR -> {
        String message = event.getError().getMessage();
        LOG.error("Mesos master {} sent ERROR '{}'; the subscription is over", endpoint, message);
        shutDown();
        return l -> l.error(message);
      }
      case HEARTBEAT -> LOG.trace("Heartbeat from {}", endpoint);
      default -> {
        Optional<Consumer<DriverListener>> call = ListenerCalls.of(event);
        if (call.isEmpty()) {
          LOG.debug("Ignoring {} event from the master", event.getType());
        }
        return call.orElse(null);
      }
    }
    return null;
  }

  private void notify(Consumer<DriverListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      LOG.error("DriverListener threw; continuing with the next event", e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Calls

  @Override
  public void accept(List<OfferID> offerIds, List<Offer.Operation> operations, Filters filters) {
    if (!withFramework(id -> send(Calls.accept(id, offerIds, operations, filters)))) {
      scheduler.execute(() -> acceptRefused(offerIds, operations, "not subscribed to Mesos"));
    }
  }

  /** Tells the listener of an ACCEPT that the master did not take, unless the driver stopped. */
  private void acceptRefused(List<OfferID> offerIds, List<Offer.Operation> operations,
      String reason) {
    synchronized (this) {
      if (listener == null || state == State.STOPPED) {
        return;
      }
    }
    LOG.warn("The ACCEPT of {} offers was not taken by the master: {}", offerIds.size(), reason);
    notify(l -> l.acceptFailed(offerIds, operations, reason));
  }

  @Override
  public void decline(List<OfferID> offerIds, Filters filters) {
    withFramework(id -> send(Calls.decline(id, offerIds, filters)));
  }

  @Override
  public void acceptInverseOffers(List<OfferID> inverseOfferIds, Filters filters) {
    withFramework(id -> send(Calls.acceptInverseOffers(id, inverseOfferIds, filters)));
  }

  @Override
  public void kill(TaskID taskId, Optional<AgentID> agentId) {
    withFramework(id -> send(Calls.kill(id, taskId, agentId)));
  }

  @Override
  public void acknowledge(TaskStatus status) {
    withFramework(id -> Calls.acknowledge(id, status).ifPresent(this::send));
  }

  @Override
  public void reconcile(List<Call.Reconcile.Task> tasks) {
    withFramework(id -> send(Calls.reconcile(id, tasks)));
  }

  @Override
  public void reconcileAll() {
    withFramework(id -> send(Calls.reconcile(id, List.of())));
  }

  @Override
  public void revive(List<String> roles) {
    withFramework(id -> send(Calls.revive(id, roles)));
  }

  @Override
  public void suppress(List<String> roles) {
    withFramework(id -> send(Calls.suppress(id, roles)));
  }

  @Override
  public synchronized void teardown() {
    withFramework(id -> send(Calls.teardown(id)));
    shutDown();
  }

  @Override
  public synchronized void stop() {
    if (state != State.STOPPED) {
      LOG.info("Closing the Mesos subscription (the framework stays registered)");
      shutDown();
    }
  }

  private void shutDown() {
    state = State.STOPPED;
    generation++;
    closeStream();
    cancel(reconnectTimer);
    calls.closeWhenSent();
    if (closeDetectorOnStop) {
      detector.close();
    }
  }

  /** Makes the call if subscribed; false if it was dropped. */
  private synchronized boolean withFramework(Consumer<FrameworkID> call) {
    if (state != State.SUBSCRIBED || frameworkId.isEmpty()) {
      LOG.warn("Not subscribed to Mesos ({}); dropping a call", state);
      return false;
    }
    call.accept(frameworkId.get());
    return true;
  }

  /** Queues a call behind the previous one; must hold the lock and be subscribed. */
  private void send(Call call) {
    calls.send(call, endpoint, streamId, generation, call.getType() == Call.Type.TEARDOWN);
  }

  private synchronized boolean isCurrent(long gen) {
    return gen == generation && state == State.SUBSCRIBED;
  }
}
