package io.aurora.http;

import io.aurora.gen.AuroraAdmin;
import io.aurora.http.auth.AdminOnlyHandler;
import io.aurora.http.admin.CronHandler;
import io.aurora.http.admin.MaintenanceHandler;
import io.aurora.http.admin.HealthHandler;
import io.aurora.http.admin.HookHandler;
import io.aurora.http.admin.LeaderHealthHandler;
import io.aurora.http.api.CorsHandler;
import io.aurora.http.api.ThriftApiHandler;
import io.aurora.http.auth.RequestAuthenticator;
import io.aurora.http.redirect.LeaderLocator;
import io.aurora.http.redirect.LeaderOnlyPaths;
import io.aurora.http.redirect.LeaderRedirectHandler;
import io.aurora.http.ui.WebUi;
import io.aurora.http.vars.HttpStatsHandler;
import io.aurora.http.vars.PrometheusHandler;
import io.aurora.http.vars.VarsCollector;
import io.aurora.http.vars.VarsHandler;
import io.aurora.http.vars.VarsJsonHandler;
import io.aurora.scheduling.auth.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The scheduler's HTTP server. Every request passes, outermost first, through
 * {@link HttpStatsHandler} (times it as {@code http_<status>_responses}), then
 * {@link PlainErrorPages} (a text body for unanswered errors), then {@link LeaderRedirectHandler} (sends leader-only pages to the leader), then the exact-path page
 * table; unknown paths get 404.
 *
 * <p>Lifecycle: construct, {@link #start()}, read {@link #port()}, {@link #stop()}; a stopped server
 * cannot be started again (build a new one). Stop waits for
 * in-flight requests to end and shuts the {@code /api} pool down; it must not be called from a
 * request thread (see {@link AdminHooks}).
 *
 * <p>Threads: the {@code /api} pool ({@link AdminServerConfig#apiThreads()} threads) comes from the
 * injected {@link ThreadFactory}; Undertow's own IO and worker threads ({@code XNIO-*}) are made by
 * Undertow on {@link #start()} and end on {@link #stop()}.
 */
public final class AdminServer {
  private final AdminServerConfig config;
  private final HttpHandler root;
  private final ExecutorService apiPool;
  private final PathHandler pages;
  private Undertow undertow;
  private int port;
  private boolean stopped;

  /**
   * @param config address, port and {@code /api} limits
   * @param registry the process's one registry; must be or contain a Prometheus registry (see
   *     {@link PrometheusHandler#forRegistry})
   * @param extraVars entries for {@code /vars} that are not meters (flag values, uptime)
   * @param leader this process's view of leadership
   * @param api the Thrift service behind {@code /api}
   * @param hooks what {@code /quitquitquit} and {@code /abortabortabort} trigger
   * @param leaderPages what the leader-only pages ({@code /cron}) show
   * @param apiThreads makes the threads of the {@code /api} pool; the server stops them
   */
  public AdminServer(
      AdminServerConfig config,
      MeterRegistry registry,
      Supplier<? extends Map<String, ?>> extraVars,
      LeaderLocator leader,
      AuroraAdmin.Iface api,
      AdminHooks hooks,
      LeaderPages leaderPages,
      ThreadFactory apiThreads) {
    this(config, registry, extraVars, leader, caller -> Objects.requireNonNull(api, "api"),
        RequestAuthenticator.NONE, hooks, leaderPages, apiThreads);
  }

  /**
   * A server whose {@code /api} and stopping pages authenticate callers.
   *
   * @param api the Thrift service behind {@code /api}, as one caller may use it
   * @param authenticator who a request's caller is ({@link RequestAuthenticator#NONE}: everyone
   *     may do everything); {@code /quitquitquit} and {@code /abortabortabort} need an
   *     administrator ({@link AdminOnlyHandler})
   * @see #AdminServer(AdminServerConfig, MeterRegistry, Supplier, LeaderLocator, AuroraAdmin.Iface,
   *     AdminHooks, LeaderPages, ThreadFactory) for the other parameters
   */
  public AdminServer(
      AdminServerConfig config,
      MeterRegistry registry,
      Supplier<? extends Map<String, ?>> extraVars,
      LeaderLocator leader,
      Function<Caller, AuroraAdmin.Iface> api,
      RequestAuthenticator authenticator,
      AdminHooks hooks,
      LeaderPages leaderPages,
      ThreadFactory apiThreads) {
    this.config = Objects.requireNonNull(config, "config");
    this.apiPool = newApiPool(config.apiThreads(), Objects.requireNonNull(apiThreads, "apiThreads"));
    VarsCollector vars = new VarsCollector(registry, extraVars);
    this.pages =
        new PathHandler()
            .addExactPath("/health", new HealthHandler())
            .addExactPath("/leaderhealth", new LeaderHealthHandler(leader))
            .addExactPath("/quitquitquit", new AdminOnlyHandler(authenticator,
                new HookHandler("Shutting down.\n", hooks.shutdown())))
            .addExactPath("/abortabortabort", new AdminOnlyHandler(authenticator,
                new HookHandler("Aborting.\n", hooks.abort())))
            .addExactPath("/vars", new VarsHandler(vars))
            .addExactPath("/vars.json", new VarsJsonHandler(vars))
            .addExactPath("/metrics", PrometheusHandler.forRegistry(registry))
            .addExactPath("/cron", new CronHandler(
                Objects.requireNonNull(leaderPages, "leaderPages").cronJobs()))
            .addExactPath("/maintenance", new MaintenanceHandler(leaderPages.maintenance()))
            .addExactPath(
                "/api",
                CorsHandler.wrap(config.corsOrigin(), ThriftApiHandler.forCallers(api,
                    authenticator, apiPool, config.apiMaxInFlight(), config.apiMaxBodyBytes())));
    this.root =
        new HttpStatsHandler(
            registry,
            new PlainErrorPages(new LeaderRedirectHandler(leader, new LeaderOnlyPaths(), pages)));
  }

  /** Adds the web UI's pages ({@code /}, {@code /scheduler}, ...); call before {@link #start()}. */
  public synchronized AdminServer withUi(WebUi ui) {
    if (undertow != null) {
      throw new IllegalStateException("add the UI before starting the admin server");
    }
    ui.mount(pages);
    return this;
  }

  /** Binds and starts serving; afterwards {@link #port()} is the bound port. */
  public synchronized void start() {
    if (undertow != null || stopped) {
      throw new IllegalStateException("admin server already started" + (stopped ? " and stopped" : ""));
    }
    Undertow server =
        Undertow.builder()
            .addHttpListener(config.port(), config.bindAddress())
            .setIoThreads(2)
            .setWorkerThreads(4)
            // Undertow's own body ceiling (10 MiB by default) must sit above /api's limit, with
            // room to drain the rest of a too-large body after its 413: a connection closed with
            // unread bytes is reset, and the reset would destroy the 413 before the client reads it.
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, drainCeiling(config.apiMaxBodyBytes()))
            .setHandler(root)
            .build();
    server.start();
    undertow = server;
    port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** The largest request body Undertow reads: four times /api's limit, at least 64 MiB. */
  static long drainCeiling(int apiMaxBodyBytes) {
    return Math.max(4L * apiMaxBodyBytes, 64L * 1024 * 1024);
  }

  /** The bound port; only valid after {@link #start()}. */
  public synchronized int port() {
    if (undertow == null) {
      throw new IllegalStateException("admin server not started");
    }
    return port;
  }

  /** Stops listening and releases the threads; harmless if not started or already stopped. */
  public synchronized void stop() {
    stopped = true;
    if (undertow != null) {
      undertow.stop();
      undertow = null;
    }
    apiPool.shutdown();
    try {
      apiPool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ExecutorService newApiPool(int threads, ThreadFactory factory) {
    // Unbounded queue, but ThriftApiHandler admits at most apiMaxInFlight requests, so it stays short.
    return new ThreadPoolExecutor(
        threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
  }
}
