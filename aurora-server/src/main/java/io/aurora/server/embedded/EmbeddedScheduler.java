package io.aurora.server.embedded;

import com.google.common.base.Ticker;
import io.aurora.log.LogException;
import io.aurora.log.LogOptions;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.runtime.ReplicatedLogs;
import io.aurora.scheduling.filter.FeasibilityCheck;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.http.HttpDriver;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable scheduler in one object: a replicated log (one replica unless
 * {@link Builder#log(LogOptions)} says otherwise), the durable storage over it, the Mesos v1 HTTP
 * driver, the scheduling runtime with your feasibility checks and scorer, and the Thrift API.
 *
 * <pre>{@code
 * try (EmbeddedScheduler scheduler = EmbeddedScheduler.builder(dataDir, "127.0.0.1:5050")
 *     .check(new NoQuarantine()).scorer(zoneA).build()) {
 *   scheduler.start().get(1, TimeUnit.MINUTES);   // subscribed to Mesos, scheduling
 *   scheduler.api().createJob(job);
 * }
 * }</pre>
 *
 * <p>{@link #start()} recovers the state from the log in {@code dataDir} (a restart finds its
 * jobs and tasks there), becomes the log's writer, subscribes to Mesos with the framework id it
 * stored last time, and starts scheduling once subscribed. {@link #close()} stops the driver,
 * then the threads, then the storage and the log: in that order nothing still running can write
 * to a closed storage. Unlike the daemon it serves no HTTP and takes no part in a leader
 * election: run one per log.
 */
public final class EmbeddedScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedScheduler.class);

  private final Builder config;
  private final CompletableFuture<FrameworkID> started = new CompletableFuture<>();
  private EmbeddedThreads threads;
  private ReplicatedLog log;
  private DurableStorage storage;
  private HttpDriver driver;
  private SchedulerRuntime runtime;
  private AuroraAdminService api;
  private boolean closed;

  private EmbeddedScheduler(Builder config) {
    this.config = config;
  }

  /**
   * A builder with every option at its default.
   *
   * @param dataDir where the log ({@code dataDir/log}) and backups ({@code dataDir/backups}) live
   * @param mesosMaster the master's {@code host:port}, or {@code zk://host:port/path}
   */
  public static Builder builder(Path dataDir, String mesosMaster) {
    return new Builder(dataDir, mesosMaster);
  }

  /**
   * Recovers the storage from the log, becomes its writer and subscribes to Mesos; returns at
   * once. The future completes with the framework id once subscribed and scheduling (the same
   * as {@link #subscribed()}); it fails if {@link #close()} comes first.
   *
   * @throws IllegalStateException if the log cannot be opened or recovered, or after a start
   */
  public synchronized CompletableFuture<FrameworkID> start() {
    if (threads != null || closed) {
      throw new IllegalStateException("an embedded scheduler starts once");
    }
    threads = new EmbeddedThreads(config.threadPrefix);
    try {
      Files.createDirectories(config.dataDir);
      log = ReplicatedLogs.open(config.logOptions(), config.registry, Optional.empty(),
          threads.log);
      storage = new DurableStorage(log, config.storageOptions(), config.clock, threads.storage,
          threads.commit, config.registry);
      storage.onFailure(cause -> config.onFatalError.accept(
          "the storage failed (" + cause + "); it accepts no more writes"));
      storage.start();
      storage.lead();
    } catch (IOException e) {
      close();
      throw new IllegalStateException("cannot create " + config.dataDir + ": " + e, e);
    } catch (LogException | RuntimeException e) {
      close();
      throw new IllegalStateException("cannot recover the storage from the log in "
          + config.logOptions().dataDir() + ": " + e.getMessage(), e);
    }
    Optional<FrameworkID> frameworkId = storage.read(s -> s.schedulerStore().fetchFrameworkId())
        .map(id -> FrameworkID.newBuilder().setValue(id).build());
    driver = HttpDriver.forAddress(config.mesosMaster, config.framework, config.mesosClient,
        threads.driver,
        HttpDriver.newHttpClient(MesosClientOptions.DEFAULT_CONNECT_TIMEOUT, threads.mesosHttp),
        threads.mesosCalls);
    runtime = new SchedulerRuntime(storage, driver, config.clock, Ticker.systemTicker(),
        new SecureRandom(), config.scheduling,
        FilterChain.standard(config.checks.toArray(FeasibilityCheck[]::new)), config.scorer,
        () -> config.onFatalError.accept("fatal error from the Mesos master"), config.registry,
        threads.background, threads.background);
    api = AuroraAdminService.of(config.api, storage, runtime, Optional.of(storage::snapshot),
        config.registry);
    SubscribedSignal signal = new SubscribedSignal(runtime.listener());
    signal.subscribed().thenAcceptAsync(this::startScheduling, threads.scheduling);
    LOG.info("Subscribing to Mesos at {} with framework id {}", config.mesosMaster,
        frameworkId.map(FrameworkID::getValue).orElse("(none yet)"));
    driver.subscribe(frameworkId, signal);
    return started;
  }

  private void startScheduling(FrameworkID id) {
    synchronized (this) {
      if (closed) {
        return;
      }
      runtime.start(threads.scheduling);
    }
    LOG.info("Subscribed as framework {}; scheduling", id.getValue());
    started.complete(id);
  }

  /** Completes with the framework id once subscribed and scheduling (see {@link #start()}). */
  public CompletableFuture<FrameworkID> subscribed() {
    return started;
  }

  /** The Thrift API (jobs, updates, quotas, maintenance, queries); after {@link #start()}. */
  public synchronized AuroraAdminService api() {
    return started(api);
  }

  /** The durable storage, for reads and for writes of your own; after {@link #start()}. */
  public synchronized DurableStorage storage() {
    return started(storage);
  }

  /** The scheduling runtime; after {@link #start()}. */
  public synchronized SchedulerRuntime runtime() {
    return started(runtime);
  }

  /** The replicated log the storage writes to; after {@link #start()}. */
  public synchronized ReplicatedLog log() {
    return started(log);
  }

  /** Where the meters of every part are registered. */
  public MeterRegistry registry() {
    return config.registry;
  }

  private <T> T started(T part) {
    if (part == null) {
      throw new IllegalStateException("the embedded scheduler is not started");
    }
    return part;
  }

  /** Stops the driver, the threads, the storage and the log, in that order; idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    started.completeExceptionally(new CancellationException("the scheduler was closed"));
    quietly("Mesos driver", () -> { if (driver != null) driver.stop(); });
    quietly("threads", () -> { if (threads != null) threads.shutdown(); });
    quietly("storage", () -> { if (storage != null) storage.close(); });
    quietly("log", () -> { if (log != null) log.close(); });
    LOG.info("Embedded scheduler stopped");
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(String what, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      LOG.warn("Stopping the {} failed: {}", what, e.toString());
    }
  }

  /**
   * The options of an {@link EmbeddedScheduler}; each has the daemon's default unless set.
   * {@link #build()} may be called more than once: each call copies the options as they are.
   */
  public static final class Builder {
    private final Path dataDir;
    private final String mesosMaster;
    private Optional<LogOptions> log = Optional.empty();
    private Optional<StorageOptions> storage = Optional.empty();
    private FrameworkOptions framework = FrameworkOptions.DEFAULTS;
    private MesosClientOptions mesosClient = MesosClientOptions.defaults();
    private SchedulerRuntimeOptions scheduling = SchedulerRuntimeOptions.DEFAULTS;
    private ApiOptions api = ApiOptions.defaults("embedded");
    private final List<FeasibilityCheck> checks = new ArrayList<>();
    private Scorer scorer = Scorer.OFFER_ORDER;
    private MeterRegistry registry = new SimpleMeterRegistry();
    private Clock clock = Clock.systemUTC();
    private Consumer<String> onFatalError =
        reason -> LOG.error("Embedded scheduler: {}; close it and start it again", reason);
    private String threadPrefix = "aurora";

    private Builder(Path dataDir, String mesosMaster) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      this.mesosMaster = Objects.requireNonNull(mesosMaster, "mesosMaster");
    }

    /** The log's options; default {@link LogOptions#DEFAULTS} in {@code dataDir/log}. */
    public Builder log(LogOptions options) {
      this.log = Optional.of(options);
      return this;
    }

    /**
     * The storage's options; default {@link StorageOptions#DEFAULTS} with backups in
     * {@code dataDir/backups}.
     */
    public Builder storage(StorageOptions options) {
      this.storage = Optional.of(options);
      return this;
    }

    /** What the framework tells Mesos; default {@link FrameworkOptions#DEFAULTS}. */
    public Builder framework(FrameworkOptions options) {
      this.framework = Objects.requireNonNull(options, "framework");
      return this;
    }

    /** The driver's encoding, backoff, timeouts; default {@link MesosClientOptions#defaults()}. */
    public Builder mesosClient(MesosClientOptions options) {
      this.mesosClient = Objects.requireNonNull(options, "mesosClient");
      return this;
    }

    /** The runtime's options; default {@link SchedulerRuntimeOptions#DEFAULTS}. */
    public Builder scheduling(SchedulerRuntimeOptions options) {
      this.scheduling = Objects.requireNonNull(options, "scheduling");
      return this;
    }

    /** The API's options; default {@link ApiOptions#defaults} of cluster {@code embedded}. */
    public Builder api(ApiOptions options) {
      this.api = Objects.requireNonNull(options, "api");
      return this;
    }

    /** Adds a feasibility check, run after the standard ones ({@link FilterChain#standard}). */
    public Builder check(FeasibilityCheck check) {
      checks.add(Objects.requireNonNull(check, "check"));
      return this;
    }

    /** How feasible offers are ranked; default {@link Scorer#OFFER_ORDER}. */
    public Builder scorer(Scorer offerScorer) {
      this.scorer = Objects.requireNonNull(offerScorer, "scorer");
      return this;
    }

    /** Where every part registers its meters; default a new {@link SimpleMeterRegistry}. */
    public Builder meterRegistry(MeterRegistry meters) {
      this.registry = Objects.requireNonNull(meters, "meterRegistry");
      return this;
    }

    /** The wall clock of task events, timers and snapshots; default UTC system time. */
    public Builder clock(Clock wallClock) {
      this.clock = Objects.requireNonNull(wallClock, "clock");
      return this;
    }

    /**
     * Told why the scheduler can go on no longer (the storage failed, or the master reported a
     * fatal error); default: an ERROR log line. Close the scheduler and start a new one.
     */
    public Builder onFatalError(Consumer<String> handler) {
      this.onFatalError = Objects.requireNonNull(handler, "onFatalError");
      return this;
    }

    /** Threads are named {@code <prefix>-<job>-<n>}; default {@code aurora}. */
    public Builder threadPrefix(String prefix) {
      this.threadPrefix = Objects.requireNonNull(prefix, "threadPrefix");
      return this;
    }

    /** A scheduler with these options, not yet started. */
    public EmbeddedScheduler build() {
      Builder copy = new Builder(dataDir, mesosMaster);
      copy.log = log;
      copy.storage = storage;
      copy.framework = framework;
      copy.mesosClient = mesosClient;
      copy.scheduling = scheduling;
      copy.api = api;
      copy.checks.addAll(checks);
      copy.scorer = scorer;
      copy.registry = registry;
      copy.clock = clock;
      copy.onFatalError = onFatalError;
      copy.threadPrefix = threadPrefix;
      return new EmbeddedScheduler(copy);
    }

    LogOptions logOptions() {
      return log.orElseGet(() -> LogOptions.DEFAULTS.withDataDir(dataDir.resolve("log")));
    }

    StorageOptions storageOptions() {
      return storage.orElseGet(
          () -> StorageOptions.DEFAULTS.withBackupDir(dataDir.resolve("backups")));
    }
  }
}
