package io.aurora.server.client.config.jobschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.server.client.config.jobschema.FieldType.Choices;
import io.aurora.server.client.config.jobschema.FieldType.Flag;
import io.aurora.server.client.config.jobschema.FieldType.Int;
import io.aurora.server.client.config.jobschema.FieldType.ListOf;
import io.aurora.server.client.config.jobschema.FieldType.MapOf;
import io.aurora.server.client.config.jobschema.FieldType.OneOf;
import io.aurora.server.client.config.jobschema.FieldType.Real;
import io.aurora.server.client.config.jobschema.FieldType.Struct;
import io.aurora.server.client.config.jobschema.FieldType.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Aurora 0.22's job schema (its {@code MesosJob} and the Thermos task inside), field by field with
 * its defaults, as {@code docs/client.md} and Aurora's configuration reference describe it. Fields
 * are listed in the order {@code job inspect --write-json} writes them.
 */
public final class JobSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Text TEXT = new Text();
  private static final Int INT = new Int();
  private static final Real REAL = new Real();
  private static final Flag FLAG = new Flag();

  /** The Thrift constant {@code AURORA_EXECUTOR_NAME}: the executor that reads a Thermos task. */
  public static final String AURORA_EXECUTOR = "AuroraExecutor";

  public static final Struct RESOURCES = struct("Resources",
      req("cpu", REAL), req("ram", INT), req("disk", INT), def("gpu", INT, "0"));

  public static final Struct ROTATE_POLICY = struct("RotatePolicy",
      def("log_size", INT, "104857600"), def("backups", INT, "5"));

  public static final Struct LOGGER = struct("Logger",
      def("destination", new Choices(List.of("file", "console", "both", "none")), "\"file\""),
      def("mode", new Choices(List.of("standard", "rotate")), "\"standard\""),
      opt("rotate", ROTATE_POLICY));

  public static final Struct PROCESS = struct("Process",
      req("name", TEXT), req("cmdline", TEXT), def("max_failures", INT, "1"),
      def("daemon", FLAG, "false"), def("ephemeral", FLAG, "false"),
      def("min_duration", INT, "5"), def("final", FLAG, "false"), opt("logger", LOGGER),
      opt("resources", RESOURCES));

  public static final Struct ORDER = struct("Constraint", opt("order", new ListOf(TEXT)));

  public static final Struct TASK = struct("Task",
      def("name", TEXT, "\"{{processes[0].name}}\""), def("max_failures", INT, "1"),
      def("max_concurrency", INT, "0"), def("finalization_wait", INT, "30"),
      def("constraints", new ListOf(ORDER), "[]"), opt("resources", RESOURCES),
      opt("processes", new ListOf(PROCESS)), opt("user", TEXT));

  public static final Struct QUEUE_STRATEGY = struct("QueueUpdateStrategy",
      def("batch_size", INT, "1"));
  public static final Struct BATCH_STRATEGY = struct("BatchUpdateStrategy",
      def("batch_size", INT, "1"), def("autopause_after_batch", FLAG, "false"));
  public static final Struct VARIABLE_BATCH_STRATEGY = struct("VariableBatchUpdateStrategy",
      req("batch_sizes", new ListOf(INT)), def("autopause_after_batch", FLAG, "false"));

  public static final Struct UPDATE_CONFIG = struct("UpdateConfig",
      def("batch_size", INT, "1"), def("watch_secs", INT, "45"),
      def("max_per_shard_failures", INT, "0"), def("max_total_failures", INT, "0"),
      def("rollback_on_failure", FLAG, "true"), def("wait_for_batch_completion", FLAG, "false"),
      opt("pulse_interval_secs", INT), def("sla_aware", FLAG, "false"),
      opt("update_strategy", new OneOf("update_strategy",
          List.of(QUEUE_STRATEGY, BATCH_STRATEGY, VARIABLE_BATCH_STRATEGY))));

  public static final Struct HTTP_HEALTH_CHECKER = struct("HttpHealthChecker",
      def("endpoint", TEXT, "\"/health\""), def("expected_response", TEXT, "\"ok\""),
      def("expected_response_code", INT, "0"));
  public static final Struct SHELL_HEALTH_CHECKER = struct("ShellHealthChecker",
      req("shell_command", TEXT));
  public static final Struct HEALTH_CHECKER = struct("HealthCheckerConfig",
      opt("http", HTTP_HEALTH_CHECKER), opt("shell", SHELL_HEALTH_CHECKER));
  public static final Struct HEALTH_CHECK_CONFIG = struct("HealthCheckConfig",
      def("health_checker", HEALTH_CHECKER, "{\"http\": {}}"),
      def("initial_interval_secs", REAL, "15.0"), def("interval_secs", REAL, "10.0"),
      def("max_consecutive_failures", INT, "0"), def("min_consecutive_successes", INT, "1"),
      def("timeout_secs", REAL, "1.0"));

  public static final Struct HTTP_LIFECYCLE = struct("HttpLifecycleConfig",
      def("port", TEXT, "\"health\""),
      def("graceful_shutdown_endpoint", TEXT, "\"/quitquitquit\""),
      def("shutdown_endpoint", TEXT, "\"/abortabortabort\""),
      def("graceful_shutdown_wait_secs", INT, "5"), def("shutdown_wait_secs", INT, "5"));
  public static final Struct LIFECYCLE = struct("LifecycleConfig", opt("http", HTTP_LIFECYCLE));

  public static final Struct ANNOUNCER = struct("Announcer",
      def("primary_port", TEXT, "\"http\""),
      def("portmap", new MapOf(TEXT), "{\"aurora\": \"{{primary_port}}\"}"),
      opt("zk_path", TEXT));

  public static final Struct EXECUTOR_CONFIG = struct("ExecutorConfig",
      def("name", TEXT, "\"" + AURORA_EXECUTOR + "\""), def("data", TEXT, "\"\""));

  public static final Struct METADATA = struct("Metadata", req("key", TEXT), req("value", TEXT));

  public static final Struct PARTITION_POLICY = struct("PartitionPolicy",
      def("reschedule", FLAG, "true"), def("delay_secs", INT, "0"));

  public static final Struct COORDINATOR_SLA = struct("CoordinatorSlaPolicy",
      req("coordinator_url", TEXT), def("status_key", TEXT, "\"drain\""));
  public static final Struct COUNT_SLA = struct("CountSlaPolicy",
      req("count", INT), req("duration_secs", INT));
  public static final Struct PERCENTAGE_SLA = struct("PercentageSlaPolicy",
      req("percentage", REAL), req("duration_secs", INT));

  public static final Struct DOCKER_PARAMETER = struct("Parameter",
      req("name", TEXT), req("value", TEXT));
  public static final Struct DOCKER = struct("Docker",
      req("image", TEXT), def("parameters", new ListOf(DOCKER_PARAMETER), "[]"));
  public static final Struct LEGACY_CONTAINER = struct("Container", opt("docker", DOCKER));
  public static final Struct APPC_IMAGE = struct("AppcImage",
      req("name", TEXT), req("image_id", TEXT));
  public static final Struct DOCKER_IMAGE = struct("DockerImage",
      req("name", TEXT), req("tag", TEXT));
  public static final Struct VOLUME = struct("Volume",
      req("container_path", TEXT), req("host_path", TEXT),
      req("mode", new Choices(List.of("RO", "RW"))));
  public static final Struct MESOS = struct("Mesos",
      opt("image", new OneOf("image", List.of(APPC_IMAGE, DOCKER_IMAGE))),
      def("volumes", new ListOf(VOLUME), "[]"));

  /** Aurora's {@code MesosJob} (its {@code Job}; a {@code Service} is one with service true). */
  public static final Struct JOB = struct("MesosJob",
      def("name", TEXT, "\"{{task.name}}\""), req("role", TEXT), req("environment", TEXT),
      req("cluster", TEXT), def("instances", INT, "1"), def("service", FLAG, "false"),
      def("max_task_failures", INT, "1"), def("priority", INT, "0"),
      def("production", FLAG, "false"), opt("tier", TEXT), opt("contact", TEXT),
      opt("announce", ANNOUNCER), opt("constraints", new MapOf(TEXT)),
      opt("cron_schedule", TEXT), def("cron_collision_policy", TEXT, "\"KILL_EXISTING\""),
      def("enable_hooks", FLAG, "false"), def("metadata", new ListOf(METADATA), "[]"),
      def("executor_config", EXECUTOR_CONFIG, "{}"), def("update_config", UPDATE_CONFIG, "{}"),
      def("health_check_config", HEALTH_CHECK_CONFIG, "{}"),
      def("lifecycle", LIFECYCLE, "{\"http\": {}}"), opt("partition_policy", PARTITION_POLICY),
      opt("sla_policy", new OneOf("sla_policy",
          List.of(COORDINATOR_SLA, COUNT_SLA, PERCENTAGE_SLA))),
      opt("container", new OneOf("container", List.of(LEGACY_CONTAINER, DOCKER, MESOS))),
      opt("task_links", new MapOf(TEXT)), req("task", TASK));

  private JobSchema() {}

  /** The name of every field of every struct of the schema. */
  public static Set<String> fieldNames() {
    Set<String> names = new TreeSet<>();
    collect(JOB, names);
    return names;
  }

  private static void collect(FieldType type, Set<String> names) {
    if (type instanceof Struct s) {
      for (Field f : s.fields()) {
        names.add(f.name());
        collect(f.type(), names);
      }
    } else if (type instanceof OneOf choice) {
      choice.alternatives().forEach(a -> collect(a, names));
    } else if (type instanceof ListOf list) {
      collect(list.element(), names);
    } else if (type instanceof MapOf map) {
      collect(map.value(), names);
    }
  }

  private static Struct struct(String name, Field... fields) {
    return new Struct(name, List.of(fields));
  }

  private static Field req(String name, FieldType type) {
    return new Field(name, type, true, Optional.empty());
  }

  private static Field opt(String name, FieldType type) {
    return new Field(name, type, false, Optional.empty());
  }

  private static Field def(String name, FieldType type, String json) {
    try {
      JsonNode value = JSON.readTree(json);
      return new Field(name, type, false, Optional.of(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad default of " + name + ": " + json, e);
    }
  }
}
