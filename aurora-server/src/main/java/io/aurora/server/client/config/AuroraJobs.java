package io.aurora.server.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurora.gen.GetTierConfigResult;
import io.aurora.gen.TierConfig;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.config.jobschema.Interpolator;
import io.aurora.server.client.config.jobschema.JobSchema;
import io.aurora.server.client.config.jobschema.SchemaReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Jobs in Aurora's JSON form, read the way Aurora's client reads {@code --read-json} input: one job
 * object, or an object whose {@code jobs} list holds several; each checked against the schema
 * strictly (an unknown field is an error), its defaults filled in and its references resolved;
 * the job a command names picked by its cluster, role, environment and name; then checked as
 * Aurora's client checks a job before it sends it, and its {@code tier} and {@code production}
 * backfilled from the scheduler's tiers. Errors are {@link IllegalArgumentException}s with one
 * line each; {@link JobFiles} names the file.
 */
final class AuroraJobs {
  /** A process name Thermos accepts. */
  private static final String PROCESS_NAME = "[^./][^/]*";

  /** One job of a file: its normalized form, and its resolved form or why it has none. */
  record Entry(ObjectNode normalized, Optional<ObjectNode> resolved,
      Optional<IllegalArgumentException> error) {
    /** {@code CLUSTER/ROLE/ENV/NAME} as the job names itself ({@code {MISSING}} for a hole). */
    String key() {
      ObjectNode job = resolved.orElse(normalized);
      return text(job, "cluster") + "/" + text(job, "role") + "/" + text(job, "environment") + "/"
          + text(job, "name");
    }

    private static String text(ObjectNode job, String field) {
      String value = Interpolator.fieldText(job, field);
      return value == null ? "{MISSING}" : value;
    }
  }

  private AuroraJobs() {}

  /** Whether {@code root} is in Aurora's form: a {@code jobs} list or fields of Aurora's job. */
  static boolean isAuroraForm(JsonNode root) {
    if (!root.isObject()) {
      return false;
    }
    if (root.has("jobs")) {
      return true;
    }
    for (var it = root.fieldNames(); it.hasNext(); ) {
      if (JobSchema.JOB.field(it.next()).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every job of {@code root}, normalized and (where it can be) resolved.
   *
   * @throws IllegalArgumentException for a job whose shape is wrong (an unknown field, a list
   *     where an object belongs), or a {@code jobs} that is not a list of objects
   */
  static List<Entry> entries(JsonNode root) {
    List<JsonNode> jobs = new ArrayList<>();
    if (root.has("jobs")) {
      JsonNode list = root.get("jobs");
      if (!list.isArray()) {
        throw new IllegalArgumentException("jobs: expected a list of jobs, got " + list);
      }
      list.elements().forEachRemaining(jobs::add);
    } else {
      jobs.add(root);
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      String path = root.has("jobs") ? "jobs[" + i + "]" : "";
      ObjectNode normalized = (ObjectNode) SchemaReader.normalize(jobs.get(i), JobSchema.JOB,
          path, true);
      try {
        JsonNode processes = normalized.path("task").path("processes");
        if (normalized.has("task") && processes.isEmpty()) {
          // Said first: the name's default, the first process's name, cannot resolve without one.
          throw new IllegalArgumentException("task.processes must list at least one process");
        }
        entries.add(new Entry(normalized, Optional.of(resolve(normalized)), Optional.empty()));
      } catch (IllegalArgumentException e) {
        entries.add(new Entry(normalized, Optional.empty(), Optional.of(e)));
      }
    }
    return entries;
  }

  /** {@code normalized} with its references resolved and its text coerced to numbers. */
  static ObjectNode resolve(ObjectNode normalized) {
    JsonNode interpolated = Interpolator.interpolate(normalized, JobSchema.JOB);
    return (ObjectNode) SchemaReader.coerce(interpolated, JobSchema.JOB, "");
  }

  /**
   * The job of {@code entries} that {@code path} names, resolved and checked.
   *
   * @throws IllegalArgumentException when none or several match, or the one that does is wrong
   */
  static ObjectNode select(List<Entry> entries, JobPath path) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("No job defined in this config!");
    }
    List<Entry> matches = entries.stream().filter(e -> e.key().equals(path.toString())).toList();
    if (matches.isEmpty()) {
      throw new IllegalArgumentException("Could not find job " + path + " (it defines "
          + entries.stream().map(Entry::key).collect(Collectors.joining(", ")) + ")");
    }
    if (matches.size() > 1) {
      throw new IllegalArgumentException("Multiple jobs match " + path);
    }
    Entry entry = matches.get(0);
    if (entry.error().isPresent()) {
      throw entry.error().get();
    }
    ObjectNode job = entry.resolved().orElseThrow();
    check(job);
    return job;
  }

  /**
   * Checks what Aurora's client checks before conversion: required fields, processes with good
   * and distinct names, resources, an ordering of processes that can run, and health-check
   * timings that are not negative.
   */
  static void check(ObjectNode job) {
    SchemaReader.requireAll(job, JobSchema.JOB, "");
    JsonNode task = job.get("task");
    JsonNode processes = task.get("processes");
    if (processes == null || processes.isEmpty()) {
      throw new IllegalArgumentException("task.processes must list at least one process");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < processes.size(); i++) {
      String name = processes.get(i).get("name").asText();
      if (!name.matches(PROCESS_NAME)) {
        throw new IllegalArgumentException("task.processes[" + i + "].name: '" + name
            + "' is not a valid process name (it may not contain '/' or start with '.')");
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException("task.processes: two processes are called '" + name
            + "'");
      }
    }
    if (!task.has("resources")) {
      throw new IllegalArgumentException("Task must specify resources!");
    }
    checkPlan(task.get("constraints"), names);
    JsonNode health = job.get("health_check_config");
    for (String field : List.of("initial_interval_secs", "interval_secs",
        "max_consecutive_failures", "min_consecutive_successes", "timeout_secs")) {
      JsonNode value = health.get(field);
      if (value != null && value.isNumber() && value.doubleValue() < 0) {
        throw new IllegalArgumentException("health_check_config." + field
            + " must not be negative, got " + value);
      }
    }
  }

  /** Each ordering names known processes, and together they have no cycle. */
  private static void checkPlan(JsonNode constraints, Set<String> processes) {
    Map<String, Set<String>> after = new HashMap<>();
    for (JsonNode constraint : constraints) {
      JsonNode order = constraint.get("order");
      if (order == null) {
        continue;
      }
      for (int i = 0; i < order.size(); i++) {
        String name = order.get(i).asText();
        if (!processes.contains(name)) {
          throw new IllegalArgumentException("Task has invalid plan: the ordering " + order
              + " names '" + name + "', which is not a process of the task");
        }
        if (i > 0) {
          after.computeIfAbsent(name, n -> new HashSet<>()).add(order.get(i - 1).asText());
        }
      }
    }
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (String p : processes) {
      if (cycles(p, after, done, visiting)) {
        throw new IllegalArgumentException("Task has invalid plan: its process orderings form a "
            + "cycle through '" + p + "'");
      }
    }
  }

  private static boolean cycles(String p, Map<String, Set<String>> after, Set<String> done,
      Set<String> visiting) {
    if (done.contains(p)) {
      return false;
    }
    if (!visiting.add(p)) {
      return true;
    }
    for (String before : after.getOrDefault(p, Set.of())) {
      if (cycles(before, after, done, visiting)) {
        return true;
      }
    }
    visiting.remove(p);
    done.add(p);
    return false;
  }

  /**
   * {@code job} with {@code tier} and {@code production} backfilled as Aurora's client does: a job
   * without a tier gets the first tier (by name) that is not revocable and whose not-preemptible
   * equals its production, else the default tier; a job with a tier known to the scheduler gets
   * production = not preemptible.
   */
  static ObjectNode backfill(ObjectNode job, GetTierConfigResult tiers) {
    ObjectNode out = job.deepCopy();
    List<TierConfig> known = tiers.getTiers() == null ? List.of() : tiers.getTiers().stream()
        .sorted(Comparator.comparing(TierConfig::getName)).toList();
    if (!out.has("tier")) {
      boolean production = out.path("production").asBoolean(false);
      String tier = known.stream()
          .filter(t -> !setting(t, "revocable") && !setting(t, "preemptible") == production)
          .map(TierConfig::getName).findFirst().orElse(tiers.getDefaultTierName());
      if (tier != null) {
        out.put("tier", tier);
      }
    } else {
      String name = out.get("tier").asText();
      known.stream().filter(t -> t.getName().equals(name)).findFirst()
          .ifPresent(t -> out.put("production", !setting(t, "preemptible")));
    }
    // Back to the schema's field order, which the executor data is written in.
    return (ObjectNode) SchemaReader.normalize(out, JobSchema.JOB, "", true);
  }

  private static boolean setting(TierConfig tier, String name) {
    return tier.getSettings() != null
        && Boolean.parseBoolean(tier.getSettings().getOrDefault(name, "false"));
  }
}
