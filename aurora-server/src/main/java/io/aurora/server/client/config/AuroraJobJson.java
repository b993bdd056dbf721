package io.aurora.server.client.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurora.gen.Constraint;
import io.aurora.gen.Container;
import io.aurora.gen.DockerParameter;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.Metadata;
import io.aurora.gen.MesosContainer;
import io.aurora.gen.Resource;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import io.aurora.gen.Volume;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.config.jobschema.JobSchema;
import io.aurora.server.client.config.jobschema.PythonJson;
import io.aurora.server.client.config.jobschema.SchemaReader;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Writes a job in Aurora's job JSON form, as Aurora's client's {@code job inspect --write-json}
 * prints it: one line in Python's JSON format, every default filled in, the references the client
 * resolves resolved. Defined for a job whose executor is the Aurora executor with a Thermos task
 * in its data (what both job file forms produce for Thermos jobs): the data gives the task and
 * the fields the scheduler does not hold (health checks, lifecycle, announce), the {@link
 * JobConfiguration} everything it does hold, and the {@link UpdateConfig} the {@code
 * update_config}. Reading the result back gives the same configuration.
 */
public final class AuroraJobJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MIB = 1024 * 1024;

  private AuroraJobJson() {}

  /** {@code file} as the job {@code path} names, in Aurora's form. */
  public static String write(JobFile file, JobPath path) {
    return write(file.job(), path.cluster(), file.updateConfig());
  }

  /**
   * {@code job} of {@code cluster} with {@code update} as its {@code update_config}, in Aurora's
   * form.
   *
   * @throws ClientFailure (exit 3) when the job has no Thermos task to write
   */
  public static String write(JobConfiguration job, String cluster, UpdateConfig update) {
    Objects.requireNonNull(cluster, "cluster");
    TaskConfig task = job.getTaskConfig();
    String name = job.getKey() == null ? "?" : job.getKey().getRole() + "/"
        + job.getKey().getEnvironment() + "/" + job.getKey().getName();
    ObjectNode out = thermosData(task).orElseThrow(() -> ClientFailure.invalidConfiguration(
        "cannot write " + name + " as Aurora's job JSON: its executor is not "
            + JobSchema.AURORA_EXECUTOR + " with a Thermos task in its data"));
    out.put("name", job.getKey().getName());
    out.put("role", job.getKey().getRole());
    out.put("environment", job.getKey().getEnvironment());
    out.put("cluster", cluster);
    out.put("instances", job.getInstanceCount());
    out.put("service", task.isIsService());
    out.put("max_task_failures", task.getMaxTaskFailures());
    out.put("priority", task.getPriority());
    if (task.isSetProduction()) {
      out.put("production", task.isProduction());
    }
    setOrRemove(out, "tier", task.getTier());
    setOrRemove(out, "contact", task.getContactEmail());
    setOrRemove(out, "cron_schedule", job.getCronSchedule());
    if (job.isSetCronCollisionPolicy()) {
      out.put("cron_collision_policy", job.getCronCollisionPolicy().name());
    }
    constraints(out, task);
    metadata(out, task);
    resources((ObjectNode) out.get("task"), task);
    out.set("update_config", updateConfig(update));
    container(out, task.getContainer());
    if (task.isSetPartitionPolicy()) {
      out.putObject("partition_policy")
          .put("reschedule", task.getPartitionPolicy().isReschedule())
          .put("delay_secs", task.getPartitionPolicy().getDelaySecs());
    }
    slaPolicy(out, task.getSlaPolicy());
    try {
      ObjectNode job2 = (ObjectNode) SchemaReader.normalize(out, JobSchema.JOB, "", false);
      return PythonJson.dumps(AuroraJobs.resolve(job2));
    } catch (IllegalArgumentException e) {
      throw ClientFailure.invalidConfiguration("cannot write " + name + " as Aurora's job JSON: "
          + e.getMessage());
    }
  }

  /** The executor data as a JSON object, when it is a Thermos task for the Aurora executor. */
  private static java.util.Optional<ObjectNode> thermosData(TaskConfig task) {
    if (task == null || !task.isSetExecutorConfig()
        || !JobSchema.AURORA_EXECUTOR.equals(task.getExecutorConfig().getName())) {
      return java.util.Optional.empty();
    }
    try {
      JsonNode data = JSON.readTree(task.getExecutorConfig().getData());
      if (data == null || !data.isObject() || !data.path("task").isObject()) {
        return java.util.Optional.empty();
      }
      ObjectNode out = (ObjectNode) data;
      // The job's own executor_config is Aurora's default; the data is not written inside itself.
      out.remove("executor_config");
      return java.util.Optional.of(out);
    } catch (JsonProcessingException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Whether the data's own form of a field converts to what the configuration holds: then it is
   * kept as written (its order, a legacy container), so the executor data round-trips unchanged.
   */
  private static boolean same(java.util.function.Supplier<Object> converted, Object held) {
    try {
      return Objects.equals(converted.get(), held);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void setOrRemove(ObjectNode out, String field, String value) {
    if (value == null) {
      out.remove(field);
    } else {
      out.put(field, value);
    }
  }

  private static void constraints(ObjectNode out, TaskConfig task) {
    if (same(() -> AuroraJobConverter.constraints(out.get("constraints")),
        task.getConstraints() == null ? java.util.Set.of() : task.getConstraints())) {
      return;
    }
    if (task.getConstraints() == null || task.getConstraints().isEmpty()) {
      out.remove("constraints");
      return;
    }
    ObjectNode map = out.putObject("constraints");
    task.getConstraints().stream().sorted(Comparator.comparing(Constraint::getName))
        .forEach(c -> map.put(c.getName(), constraint(c.getConstraint())));
  }

  private static String constraint(TaskConstraint c) {
    if (c.isSetLimit()) {
      return "limit:" + c.getLimit().getLimit();
    }
    List<String> values = c.getValue().getValues().stream().sorted().toList();
    return (c.getValue().isNegated() ? "!" : "") + String.join(",", values);
  }

  private static void metadata(ObjectNode out, TaskConfig task) {
    if (out.path("metadata").isArray() && same(() -> AuroraJobConverter.metadata(
        out.get("metadata")), task.getMetadata() == null ? java.util.Set.of() : task.getMetadata())) {
      return;
    }
    ArrayNode list = out.putArray("metadata");
    if (task.getMetadata() != null) {
      task.getMetadata().stream()
          .sorted(Comparator.comparing(Metadata::getKey).thenComparing(Metadata::getValue))
          .forEach(m -> list.addObject().put("key", m.getKey()).put("value", m.getValue()));
    }
  }

  /** Resources back to bytes; the data's bytes are kept when they floor to the same MiB. */
  private static void resources(ObjectNode taskNode, TaskConfig task) {
    ObjectNode resources = taskNode.has("resources") && taskNode.get("resources").isObject()
        ? (ObjectNode) taskNode.get("resources") : taskNode.putObject("resources");
    long gpus = 0;
    for (Resource r : task.getResources() == null ? List.<Resource>of() : task.getResources()) {
      if (r.isSetNumCpus()) {
        resources.put("cpu", r.getNumCpus());
      } else if (r.isSetRamMb()) {
        bytes(resources, "ram", r.getRamMb());
      } else if (r.isSetDiskMb()) {
        bytes(resources, "disk", r.getDiskMb());
      } else if (r.isSetNumGpus()) {
        gpus = r.getNumGpus();
      }
    }
    resources.put("gpu", gpus);
  }

  private static void bytes(ObjectNode resources, String field, long mb) {
    JsonNode given = resources.get(field);
    if (given != null && given.isIntegralNumber() && Math.floorDiv(given.longValue(), MIB) == mb) {
      return;
    }
    resources.put(field, mb * MIB);
  }

  static ObjectNode updateConfig(UpdateConfig u) {
    ObjectNode out = JSON.createObjectNode()
        .put("batch_size", u.batchSize())
        .put("watch_secs", u.watchSecs())
        .put("max_per_shard_failures", u.maxPerShardFailures())
        .put("max_total_failures", u.maxTotalFailures())
        .put("rollback_on_failure", u.rollbackOnFailure())
        .put("wait_for_batch_completion", u.waitForBatchCompletion())
        .put("sla_aware", u.slaAware());
    u.pulseIntervalSecs().ifPresent(p -> out.put("pulse_interval_secs", p));
    u.strategy().ifPresent(s -> {
      ObjectNode node = out.putObject("update_strategy");
      if (s instanceof UpdateConfig.QueueStrategy q) {
        node.put("batch_size", q.groupSize());
      } else if (s instanceof UpdateConfig.BatchStrategy b) {
        node.put("batch_size", b.groupSize()).put("autopause_after_batch",
            b.autopauseAfterBatch());
      } else if (s instanceof UpdateConfig.VariableBatchStrategy v) {
        ArrayNode sizes = node.putArray("batch_sizes");
        v.groupSizes().forEach(sizes::add);
        node.put("autopause_after_batch", v.autopauseAfterBatch());
      }
    });
    return out;
  }

  private static void container(ObjectNode out, Container container) {
    if (out.has("container") && same(() -> AuroraJobConverter.container(out.get("container")),
        container)) {
      return;
    }
    out.remove("container");
    if (container == null) {
      return;
    }
    if (container.isSetDocker()) {
      ObjectNode docker = out.putObject("container").put("image",
          container.getDocker().getImage());
      ArrayNode parameters = docker.putArray("parameters");
      List<DockerParameter> given = container.getDocker().getParameters();
      (given == null ? List.<DockerParameter>of() : given).forEach(p ->
          parameters.addObject().put("name", p.getName()).put("value", p.getValue()));
      return;
    }
    MesosContainer mesos = container.getMesos();
    if (mesos == null || (!mesos.isSetImage() && mesos.getVolumesSize() == 0)) {
      return;
    }
    ObjectNode node = out.putObject("container");
    if (mesos.isSetImage()) {
      ObjectNode image = node.putObject("image");
      if (mesos.getImage().isSetAppc()) {
        image.put("name", mesos.getImage().getAppc().getName())
            .put("image_id", mesos.getImage().getAppc().getImageId());
      } else {
        image.put("name", mesos.getImage().getDocker().getName())
            .put("tag", mesos.getImage().getDocker().getTag());
      }
    }
    ArrayNode volumes = node.putArray("volumes");
    for (Volume v : mesos.getVolumes() == null ? List.<Volume>of() : mesos.getVolumes()) {
      volumes.addObject().put("container_path", v.getContainerPath())
          .put("host_path", v.getHostPath()).put("mode", v.getMode().name());
    }
  }

  private static void slaPolicy(ObjectNode out, SlaPolicy sla) {
    out.remove("sla_policy");
    if (sla == null) {
      return;
    }
    ObjectNode node = out.putObject("sla_policy");
    if (sla.isSetCoordinatorSlaPolicy()) {
      node.put("coordinator_url", sla.getCoordinatorSlaPolicy().getCoordinatorUrl())
          .put("status_key", sla.getCoordinatorSlaPolicy().getStatusKey());
    } else if (sla.isSetCountSlaPolicy()) {
      node.put("count", sla.getCountSlaPolicy().getCount())
          .put("duration_secs", sla.getCountSlaPolicy().getDurationSecs());
    } else {
      node.put("percentage", sla.getPercentageSlaPolicy().getPercentage())
          .put("duration_secs", sla.getPercentageSlaPolicy().getDurationSecs());
    }
  }
}
