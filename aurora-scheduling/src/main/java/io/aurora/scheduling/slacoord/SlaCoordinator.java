package io.aurora.scheduling.slacoord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.api.JobKeys;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.CoordinatorSlaPolicy;
import io.aurora.gen.ScheduledTask;
import io.aurora.scheduling.sla.SlaVerdict;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks coordinators whether a task may go down. The request is a POST to
 * {@code <coordinatorUrl>?task=<role/env/name/instance>} with a JSON body naming the task
 * ({@code task}, {@code taskId}, {@code host}, {@code forceMaintenanceCountdownMs}); a 200 answer
 * is a JSON object whose boolean at the policy's {@code statusKey} (default {@code drain}) is the
 * verdict. Anything else denies: a timeout, a connection failure or another status counts as a
 * coordinator error ({@code sla_coordinator_errors_<role/env/name>}), an answer that is not such
 * an object as a user error ({@code sla_coordinator_user_errors_<role/env/name>}).
 *
 * <p>At most one check per coordinator URL runs at a time, and it holds that coordinator until
 * the caller's action on the verdict has returned; a check that finds its coordinator busy is not
 * started ({@code sla_coordinator_lock_starvation_<role/env/name>}) and the caller retries on its
 * next pass. At most {@link CoordinatorOptions#maxParallel} checks run at once.
 */
public final class SlaCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(SlaCoordinator.class);
  /** The status key when the policy names none (Aurora's client default). */
  public static final String DEFAULT_STATUS_KEY = "drain";

  private final Supplier<HttpClient> http;
  private final CoordinatorOptions options;
  private final MeterRegistry registry;
  private final Executor actions;
  private final ObjectMapper json = new ObjectMapper();
  private final Set<String> busy = ConcurrentHashMap.newKeySet();
  private final Semaphore inFlight;

  /**
   * @param http the client, asked for when the first check starts (schedulers whose jobs use no
   *     coordinator never create one)
   * @param actions where the caller's action on a verdict runs (it may write to storage)
   */
  public SlaCoordinator(Supplier<HttpClient> http, CoordinatorOptions options, MeterRegistry registry,
      Executor actions) {
    this.http = Objects.requireNonNull(http, "http");
    this.options = Objects.requireNonNull(options, "options");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.actions = Objects.requireNonNull(actions, "actions");
    this.inFlight = new Semaphore(options.maxParallel());
  }

  /**
   * Starts a check of {@code task} against {@code policy} unless its coordinator is busy or too
   * many checks are in flight; {@code action} then gets the verdict on the actions executor.
   *
   * @param countdownMs how long until the drain is forced anyway
   * @return whether the check started
   */
  public boolean tryCheck(CoordinatorSlaPolicy policy, ScheduledTask task, long countdownMs,
      Consumer<SlaVerdict> action) {
    String url = policy.getCoordinatorUrl();
    String job = JobKeys.canonicalString(task.getAssignedTask().getTask().getJob());
    if (!busy.add(url)) {
      registry.counter("sla_coordinator_lock_starvation_" + job).increment();
      return false;
    }
    if (!inFlight.tryAcquire()) {
      busy.remove(url);
      return false;
    }
    HttpRequest request;
    try {
      request = request(policy, task, countdownMs);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      release(url);
      registry.counter("sla_coordinator_user_errors_" + job).increment();
      actions.execute(() -> action.accept(
          new SlaVerdict(false, "coordinator URL " + url + " is not usable: " + e.getMessage())));
      return true;
    }
    http.get().sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> verdict(policy, job, response, failure))
        .thenAcceptAsync(verdict -> {
          try {
            action.accept(verdict);
          } finally {
            release(url);
          }
        }, actions)
        .exceptionally(e -> {
          release(url);
          LOG.warn("Acting on the coordinator's answer for {} failed", taskId(task), e);
          return null;
        });
    return true;
  }

  private static String taskId(ScheduledTask task) {
    return task.getAssignedTask().getTaskId();
  }

  private void release(String url) {
    if (busy.remove(url)) {
      inFlight.release();
    }
  }

  /** Checks in flight now. */
  public int inFlight() {
    return options.maxParallel() - inFlight.availablePermits();
  }

  private HttpRequest request(CoordinatorSlaPolicy policy, ScheduledTask task, long countdownMs)
      throws JsonProcessingException {
    AssignedTask a = task.getAssignedTask();
    String key = JobKeys.canonicalString(a.getTask().getJob()) + "/" + a.getInstanceId();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task", key);
    body.put("taskId", a.getTaskId());
    body.put("host", a.getSlaveHost());
    body.put("forceMaintenanceCountdownMs", countdownMs);
    String base = policy.getCoordinatorUrl();
    URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + "task="
        + URLEncoder.encode(key, StandardCharsets.UTF_8));
    if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
      throw new IllegalArgumentException("not an http(s) URL");
    }
    return HttpRequest.newBuilder(uri)
        .timeout(options.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
        .build();
  }

  private SlaVerdict verdict(CoordinatorSlaPolicy policy, String job,
      HttpResponse<String> response, Throwable failure) {
    String url = policy.getCoordinatorUrl();
    if (failure != null) {
      registry.counter("sla_coordinator_errors_" + job).increment();
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      return new SlaVerdict(false, "coordinator " + url + " did not answer: " + cause);
    }
    if (response.statusCode() != 200) {
      registry.counter("sla_coordinator_errors_" + job).increment();
      return new SlaVerdict(false, "coordinator " + url + " answered HTTP "
          + response.statusCode());
    }
    String key = policy.isSetStatusKey() && !policy.getStatusKey().isEmpty()
        ? policy.getStatusKey() : DEFAULT_STATUS_KEY;
    try {
      JsonNode answer = json.readTree(response.body());
      JsonNode value = answer == null ? null : answer.get(key);
      if (value == null || !value.isBoolean()) {
        registry.counter("sla_coordinator_user_errors_" + job).increment();
        return new SlaVerdict(false, "coordinator " + url + " answered without a boolean '"
            + key + "'");
      }
      return new SlaVerdict(value.booleanValue(), "coordinator " + url
          + (value.booleanValue() ? " allows" : " denies"));
    } catch (JsonProcessingException e) {
      registry.counter("sla_coordinator_user_errors_" + job).increment();
      return new SlaVerdict(false, "coordinator " + url + " answered with something not JSON");
    }
  }
}
