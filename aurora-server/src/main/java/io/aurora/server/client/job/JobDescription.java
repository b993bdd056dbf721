package io.aurora.server.client.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.Constraint;
import io.aurora.gen.Container;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.Resource;
import io.aurora.gen.TaskConfig;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.config.JobFile;
import io.aurora.server.client.config.UpdateConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A job for people, as {@code job inspect} shows it: the job's settings, its resources and
 * placement rules, how it is updated, then the Thermos task in its executor data (name and
 * processes with their command lines) when the data is Thermos JSON.
 */
final class JobDescription {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobPath job;
  private final JobConfiguration config;
  private final UpdateConfig update;

  JobDescription(JobPath job, JobFile file) {
    this.job = Objects.requireNonNull(job, "job");
    this.config = file.job();
    this.update = file.updateConfig();
  }

  void print(PrintWriter out) {
    TaskConfig task = config.isSetTaskConfig() ? config.getTaskConfig() : new TaskConfig();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("kind", JobListCommand.kind(config));
    fields.put("instances", config.getInstanceCount());
    if (config.isSetCronSchedule()) {
      fields.put("cron schedule", config.getCronSchedule() + " ("
          + (config.isSetCronCollisionPolicy() ? config.getCronCollisionPolicy() : "KILL_EXISTING")
          + ")");
    }
    fields.put("owner", config.isSetOwner() ? config.getOwner().getUser() : null);
    fields.put("contact", task.getContactEmail());
    fields.put("tier", task.getTier());
    fields.put("production", task.isSetProduction() ? task.isProduction() : null);
    fields.put("priority", task.getPriority());
    fields.put("max task failures", task.getMaxTaskFailures());
    fields.put("resources", resources(task));
    fields.put("constraints", constraints(task));
    fields.put("metadata", task.getMetadataSize() == 0 ? null : task.getMetadata().stream()
        .map(m -> m.getKey() + "=" + m.getValue()).sorted().collect(Collectors.joining(", ")));
    fields.put("container", container(task.getContainer()));
    fields.put("executor", task.isSetExecutorConfig() ? task.getExecutorConfig().getName() : null);
    fields.put("update", "batch size " + update.batchSize() + ", watch " + update.watchSecs()
        + " s, " + (update.rollbackOnFailure() ? "rollback on failure" : "no rollback"));
    fields.put("update failures", "up to " + update.maxPerShardFailures() + " per instance, "
        + update.maxTotalFailures() + " failed instances");
    out.println("Job " + job);
    aligned(out, fields);
    thermosTask(task).ifPresent(thermos -> printTask(out, thermos));
  }

  private static void printTask(PrintWriter out, JsonNode task) {
    out.println();
    out.println("Task " + task.path("name").asText("(no name)"));
    for (JsonNode process : task.path("processes")) {
      List<String> flags = new ArrayList<>();
      for (String flag : List.of("daemon", "ephemeral", "final")) {
        if (process.path(flag).asBoolean(false)) {
          flags.add(flag);
        }
      }
      out.println("  Process " + process.path("name").asText("(no name)")
          + (flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")") + ":");
      process.path("cmdline").asText("").lines().forEach(line -> out.println("    " + line));
    }
  }

  /** The Thermos task in the executor data: {@code data.task}, or the data itself. */
  private static Optional<JsonNode> thermosTask(TaskConfig task) {
    if (!task.isSetExecutorConfig() || task.getExecutorConfig().getData() == null) {
      return Optional.empty();
    }
    try {
      JsonNode data = JSON.readTree(task.getExecutorConfig().getData());
      if (data != null && data.path("task").isObject()) {
        return Optional.of(data.get("task"));
      }
      return data != null && data.path("processes").isArray() ? Optional.of(data)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // not JSON: another executor's data, shown by its name only
    }
  }

  private static void aligned(PrintWriter out, Map<String, Object> fields) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
    fields.forEach((label, value) -> {
      if (value != null) {
        out.printf("  %-" + width + "s %s%n", label + ":", value);
      }
    });
  }

  /** {@code 0.1 cpus, 32 MB ram, 32 MB disk, ports health,http}: always in this order. */
  static String resources(TaskConfig task) {
    if (task.getResourcesSize() == 0) {
      return null;
    }
    String[] scalars = new String[4];
    TreeSet<String> ports = new TreeSet<>();
    for (Resource r : task.getResources()) {
      if (r.isSetNumCpus()) {
        scalars[0] = r.getNumCpus() + " cpus";
      } else if (r.isSetRamMb()) {
        scalars[1] = r.getRamMb() + " MB ram";
      } else if (r.isSetDiskMb()) {
        scalars[2] = r.getDiskMb() + " MB disk";
      } else if (r.isSetNumGpus()) {
        scalars[3] = r.getNumGpus() + " gpus";
      } else if (r.isSetNamedPort()) {
        ports.add(r.getNamedPort());
      }
    }
    List<String> parts = new ArrayList<>();
    for (String scalar : scalars) {
      if (scalar != null) {
        parts.add(scalar);
      }
    }
    if (!ports.isEmpty()) {
      parts.add("ports " + String.join(",", ports));
    }
    return String.join(", ", parts);
  }

  /** {@code host: limit 1; zone: a,b; rack: not r1}. */
  private static String constraints(TaskConfig task) {
    if (task.getConstraintsSize() == 0) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Constraint c : task.getConstraints()) {
      if (c.getConstraint() == null) {
        continue;
      }
      if (c.getConstraint().isSetLimit()) {
        parts.add(c.getName() + ": limit " + c.getConstraint().getLimit().getLimit());
      } else if (c.getConstraint().isSetValue()) {
        var value = c.getConstraint().getValue();
        parts.add(c.getName() + ": " + (value.isNegated() ? "not " : "")
            + String.join(",", new TreeSet<>(value.getValues())));
      }
    }
    parts.sort(null);
    return String.join("; ", parts);
  }

  private static String container(Container container) {
    if (container == null) {
      return null;
    }
    if (container.isSetDocker()) {
      return "docker " + container.getDocker().getImage();
    }
    return "mesos";
  }
}
