package io.aurora.server.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurora.gen.AppcImage;
import io.aurora.gen.Constraint;
import io.aurora.gen.Container;
import io.aurora.gen.CoordinatorSlaPolicy;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.DockerContainer;
import io.aurora.gen.DockerImage;
import io.aurora.gen.DockerParameter;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.Image;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.LimitConstraint;
import io.aurora.gen.MesosContainer;
import io.aurora.gen.Metadata;
import io.aurora.gen.Mode;
import io.aurora.gen.PartitionPolicy;
import io.aurora.gen.PercentageSlaPolicy;
import io.aurora.gen.Resource;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import io.aurora.gen.ValueConstraint;
import io.aurora.gen.Volume;
import io.aurora.server.client.config.jobschema.FieldType.OneOf;
import io.aurora.server.client.config.jobschema.FieldType.Struct;
import io.aurora.server.client.config.jobschema.JobSchema;
import io.aurora.server.client.config.jobschema.PythonJson;
import io.aurora.server.client.config.jobschema.SchemaReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a resolved, checked Aurora job into the {@link JobConfiguration} Aurora's client sends,
 * field by field as its {@code convert} does: resources from bytes to whole MiB (floor), one named
 * port per port to allocate, constraints from their {@code value}, {@code !value}, {@code a,b} and
 * {@code limit:N} syntax, metadata, container, policies, and for the Aurora executor the job
 * itself (less {@code instances} and {@code update_config}) as the executor's data, written as
 * Python writes JSON.
 */
final class AuroraJobConverter {
  private static final long MIB = 1024 * 1024;
  private static final String IDENTIFIER = "[\\w\\-.]+";

  private AuroraJobConverter() {}

  /**
   * The job's configuration.
   *
   * @param user the owner Aurora's client records: the local login name, not the role
   */
  static JobConfiguration convert(ObjectNode job, String user) {
    JobKey key = new JobKey(identifier(job, "role"), identifier(job, "environment"),
        identifier(job, "name"));
    Identity owner = new Identity().setUser(user);
    JsonNode task = job.get("task");
    Set<Constraint> constraints = constraints(job.get("constraints"));
    TaskConfig config = new TaskConfig()
        .setJob(key)
        .setOwner(owner)
        .setIsService(job.get("service").booleanValue())
        .setPriority(integer(job, "priority"))
        .setMaxTaskFailures(integer(job, "max_task_failures"))
        .setProduction(job.get("production").booleanValue())
        .setResources(resources(task.get("resources"), AuroraPorts.requested(job,
            constraints.stream().anyMatch(c -> c.getName().equals("dedicated")))))
        .setConstraints(constraints)
        .setTaskLinks(new HashMap<>())
        .setMetadata(metadata(job.get("metadata")))
        .setExecutorConfig(executor(job))
        .setContainer(container(job.get("container")));
    if (job.has("tier")) {
      config.setTier(job.get("tier").asText());
    }
    if (job.has("contact")) {
      config.setContactEmail(job.get("contact").asText());
    }
    if (job.has("partition_policy")) {
      JsonNode p = job.get("partition_policy");
      config.setPartitionPolicy(new PartitionPolicy().setReschedule(p.get("reschedule")
          .booleanValue()).setDelaySecs(integer(p, "delay_secs")));
    }
    if (job.has("sla_policy")) {
      config.setSlaPolicy(slaPolicy(job.get("sla_policy")));
    }
    JobConfiguration out = new JobConfiguration()
        .setKey(key.deepCopy())
        .setOwner(owner.deepCopy())
        .setInstanceCount(integer(job, "instances"))
        .setCronCollisionPolicy(collisionPolicy(job.get("cron_collision_policy").asText()))
        .setTaskConfig(config);
    if (job.has("cron_schedule")) {
      out.setCronSchedule(job.get("cron_schedule").asText());
    }
    return out;
  }

  /** The job's {@code update_config} as the settings of {@code update start}. */
  static UpdateConfig updateConfig(ObjectNode job) {
    JsonNode u = job.get("update_config");
    String path = "update_config";
    java.util.Optional<UpdateConfig.Strategy> strategy = java.util.Optional.empty();
    if (u.has("update_strategy")) {
      JsonNode s = u.get("update_strategy");
      Struct kind = SchemaReader.choose(s, (OneOf) JobSchema.UPDATE_CONFIG
          .field("update_strategy").orElseThrow().type(), path + ".update_strategy");
      if (kind == JobSchema.QUEUE_STRATEGY) {
        strategy = java.util.Optional.of(new UpdateConfig.QueueStrategy(
            integer(s, "batch_size")));
      } else if (kind == JobSchema.BATCH_STRATEGY) {
        strategy = java.util.Optional.of(new UpdateConfig.BatchStrategy(integer(s, "batch_size"),
            s.get("autopause_after_batch").booleanValue()));
      } else {
        List<Integer> sizes = new ArrayList<>();
        s.get("batch_sizes").forEach(n -> sizes.add(n.intValue()));
        strategy = java.util.Optional.of(new UpdateConfig.VariableBatchStrategy(sizes,
            s.get("autopause_after_batch").booleanValue()));
      }
    }
    return new UpdateConfig(integer(u, "batch_size"), integer(u, "watch_secs"),
        integer(u, "max_per_shard_failures"), integer(u, "max_total_failures"),
        u.get("rollback_on_failure").booleanValue(),
        u.get("wait_for_batch_completion").booleanValue(),
        u.has("pulse_interval_secs") ? java.util.OptionalInt.of(integer(u, "pulse_interval_secs"))
            : java.util.OptionalInt.empty(),
        u.get("sla_aware").booleanValue(), strategy);
  }

  /** The executor data Aurora's client sends: the job less the two fields the scheduler holds. */
  static String executorData(ObjectNode job) {
    ObjectNode data = job.deepCopy();
    data.remove("instances");
    data.remove("update_config");
    return PythonJson.dumps(data);
  }

  private static ExecutorConfig executor(ObjectNode job) {
    JsonNode executor = job.get("executor_config");
    String name = executor.get("name").asText();
    if (name.equals(JobSchema.AURORA_EXECUTOR)) {
      return new ExecutorConfig(name, executorData(job));
    }
    return new ExecutorConfig(name, executor.get("data").asText());
  }

  private static String identifier(ObjectNode job, String field) {
    String value = job.get(field).asText();
    if (!value.matches(IDENTIFIER) || !value.chars().allMatch(c -> c < 128)) {
      throw new IllegalArgumentException("Invalid " + field + " '" + value
          + "': letters, digits, '_', '-' and '.' only");
    }
    return value;
  }

  private static int integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(field + ": expected an integer, got " + value);
    }
    return value.intValue();
  }

  private static CronCollisionPolicy collisionPolicy(String name) {
    try {
      return CronCollisionPolicy.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid cron_collision_policy '" + name + "' (one of "
          + Arrays.toString(CronCollisionPolicy.values()) + ")", e);
    }
  }

  private static Set<Resource> resources(JsonNode resources, Set<String> ports) {
    double cpu = resources.get("cpu").doubleValue();
    long ram = integer(resources, "ram", "task.resources");
    long disk = integer(resources, "disk", "task.resources");
    if (ram == 0 || disk == 0) {
      throw new IllegalArgumentException("Must specify ram and disk resources, got ram:" + ram
          + " disk:" + disk);
    }
    long ramMb = Math.floorDiv(ram, MIB);
    long diskMb = Math.floorDiv(disk, MIB);
    if (cpu <= 0 || ramMb <= 0 || diskMb <= 0) {
      throw new IllegalArgumentException("Task has invalid resources. cpu/ramMb/diskMb must all "
          + "be positive: cpu:" + PythonJson.floatRepr(cpu) + " ramMb:" + ramMb + " diskMb:"
          + diskMb + " (ram and disk are in bytes; 1 MiB is 1048576)");
    }
    Set<Resource> out = new LinkedHashSet<>();
    out.add(Resource.numCpus(cpu));
    out.add(Resource.ramMb(ramMb));
    out.add(Resource.diskMb(diskMb));
    ports.forEach(p -> out.add(Resource.namedPort(p)));
    long gpu = integer(resources, "gpu", "task.resources");
    if (gpu != 0) {
      out.add(Resource.numGpus(gpu));
    }
    return new HashSet<>(out);
  }

  private static long integer(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(path + "." + field + ": expected an integer, got "
          + value);
    }
    return value.longValue();
  }

  /** The {@code constraints} map: {@code limit:N}, else values with an optional leading {@code !}. */
  static Set<Constraint> constraints(JsonNode map) {
    Set<Constraint> out = new HashSet<>();
    if (map == null) {
      return out;
    }
    map.fields().forEachRemaining(e -> {
      String name = e.getKey();
      String value = e.getValue().asText();
      TaskConstraint constraint;
      if (value.startsWith("limit:")) {
        String limit = value.substring("limit:".length());
        if (!limit.strip().matches("[-+]?\\d{1,9}")) {
          throw new IllegalArgumentException("constraints[" + name + "]: '" + value
              + "' is not limit:N with an integer N");
        }
        constraint = TaskConstraint.limit(new LimitConstraint(Integer.parseInt(limit.strip())));
      } else {
        boolean negated = value.startsWith("!");
        String values = negated ? value.substring(1) : value;
        constraint = TaskConstraint.value(new ValueConstraint(negated,
            new HashSet<>(Arrays.asList(values.split(",", -1)))));
      }
      out.add(new Constraint(name, constraint));
    });
    return out;
  }

  static Set<Metadata> metadata(JsonNode list) {
    Set<Metadata> out = new HashSet<>();
    list.forEach(m -> out.add(new Metadata(m.get("key").asText(), m.get("value").asText())));
    return out;
  }

  static Container container(JsonNode node) {
    if (node == null) {
      return Container.mesos(new MesosContainer());
    }
    Struct kind = SchemaReader.choose(node, (OneOf) JobSchema.JOB.field("container")
        .orElseThrow().type(), "container");
    if (kind == JobSchema.LEGACY_CONTAINER) {
      if (!node.has("docker")) {
        throw new IllegalArgumentException("If a container is specified it must set one type.");
      }
      return docker(node.get("docker"));
    }
    if (kind == JobSchema.DOCKER) {
      return docker(node);
    }
    MesosContainer mesos = new MesosContainer().setVolumes(new ArrayList<>());
    if (node.has("image")) {
      JsonNode image = node.get("image");
      mesos.setImage(image.has("image_id")
          ? Image.appc(new AppcImage(image.get("name").asText(), image.get("image_id").asText()))
          : Image.docker(new DockerImage(image.get("name").asText(), image.get("tag").asText())));
    }
    for (JsonNode v : node.get("volumes")) {
      mesos.addToVolumes(new Volume(v.get("container_path").asText(), v.get("host_path").asText(),
          Mode.valueOf(v.get("mode").asText())));
    }
    return Container.mesos(mesos);
  }

  private static Container docker(JsonNode docker) {
    List<DockerParameter> parameters = new ArrayList<>();
    docker.get("parameters").forEach(p ->
        parameters.add(new DockerParameter(p.get("name").asText(), p.get("value").asText())));
    return Container.docker(new DockerContainer(docker.get("image").asText())
        .setParameters(parameters));
  }

  private static SlaPolicy slaPolicy(JsonNode node) {
    Struct kind = SchemaReader.choose(node, (OneOf) JobSchema.JOB.field("sla_policy")
        .orElseThrow().type(), "sla_policy");
    if (kind == JobSchema.COORDINATOR_SLA) {
      return SlaPolicy.coordinatorSlaPolicy(new CoordinatorSlaPolicy(
          node.get("coordinator_url").asText(), node.get("status_key").asText()));
    }
    if (kind == JobSchema.COUNT_SLA) {
      return SlaPolicy.countSlaPolicy(new CountSlaPolicy(integer(node, "count", "sla_policy"),
          integer(node, "duration_secs", "sla_policy")));
    }
    return SlaPolicy.percentageSlaPolicy(new PercentageSlaPolicy(
        node.get("percentage").doubleValue(), integer(node, "duration_secs", "sla_policy")));
  }
}
