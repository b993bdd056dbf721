package io.aurora.scheduling.assign;

import com.google.protobuf.ByteString;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.JobKey;
import io.aurora.gen.Metadata;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.scheduling.resources.Revocability;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/**
 * Builds the Mesos {@link TaskInfo} of an assigned task, following Aurora's mapping: task id =
 * Aurora task id; name {@code role/env/job}; the task's own resources with its assigned ports, the
 * executor's overhead carried by the executor; an {@code AuroraExecutor} executor with id
 * {@code thermos-<taskId>}; labels for tier and metadata; data = the thrift-binary
 * {@link AssignedTask}, from which the executor reads its config. A task of a revocable tier gets
 * its CPUs and RAM (task's and executor's) marked revocable as its {@link Revocability} says, the
 * same split placement used, so the launch asks for exactly the resources it was placed on.
 */
public final class TaskInfoBuilder {

  /** The executor name Aurora's executor registers under. */
  public static final String EXECUTOR_NAME = "AuroraExecutor";
  /** Prefix of executor ids. */
  public static final String EXECUTOR_ID_PREFIX = "thermos-";
  private static final String DEFAULT_EXECUTOR_BINARY = "thermos_executor.pex";

  private final CommandInfo command;
  private final ExecutorSettings executor;
  private final Revocability revocability;
  /**
   * The shared parts of recently built configs, by config object: a round's offers each carry
   * tasks of several groups in turn, and the scheduling loop hands in one config object per group.
   * Cleared when it grows past {@link #MAX_CACHED_CONFIGS} (callers that pass a new object each
   * time only miss). Not thread-safe: one scheduling loop owns a builder and calls it from its one
   * thread (this package is pure, so it takes no locks).
   */
  private final Map<TaskConfig, PerConfig> perConfig = new IdentityHashMap<>();
  private static final int MAX_CACHED_CONFIGS = 4096;

  /** A builder for Aurora's default tiers and revocable resources. */
  public TaskInfoBuilder(ExecutorSettings executor) {
    this(executor, Revocability.DEFAULTS);
  }

  /** @param revocability which tasks' CPUs and RAM are revocable */
  public TaskInfoBuilder(ExecutorSettings executor, Revocability revocability) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.revocability = Objects.requireNonNull(revocability, "revocability");
    this.command = command(executor);
  }

  /** Which tasks' resources are revocable; placement splits requests the same way. */
  public Revocability revocability() {
    return revocability;
  }

  /**
   * The TaskInfo launching {@code task} (already carrying agent, host and ports). What depends
   * only on the task's config is computed once per config object and reused, so a config must not
   * be changed after a task carrying it was built.
   */
  public TaskInfo build(AssignedTask task) {
    PerConfig shared = perConfig(task.getTask());
    List<Resource> resources = new ArrayList<>(shared.resources());
    if (task.isSetAssignedPorts() && !task.getAssignedPorts().isEmpty()) {
      Value.Ranges.Builder ranges = Value.Ranges.newBuilder();
      for (int port : new TreeMap<>(task.getAssignedPorts()).values()) {
        ranges.addRange(Value.Range.newBuilder().setBegin(port).setEnd(port));
      }
      resources.add(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
          .setRanges(ranges).build());
    }
    TaskInfo.Builder info = TaskInfo.newBuilder()
        .setName(shared.name())
        .setTaskId(TaskID.newBuilder().setValue(task.getTaskId()))
        .setAgentId(AgentID.newBuilder().setValue(task.getSlaveId()))
        .addAllResources(resources)
        .setExecutor(ExecutorInfo.newBuilder()
            .setType(ExecutorInfo.Type.CUSTOM)
            .setExecutorId(ExecutorID.newBuilder().setValue(EXECUTOR_ID_PREFIX + task.getTaskId()))
            .setName(EXECUTOR_NAME)
            .setCommand(command)
            .addAllResources(shared.executorResources())
            .setLabels(Labels.newBuilder().addLabels(
                label("source", shared.sourcePrefix() + task.getInstanceId()))))
        .setData(ByteString.copyFrom(AssignedTaskBytes.write(task, shared.configBytes())));
    if (shared.labels().getLabelsCount() > 0) {
      info.setLabels(shared.labels());
    }
    return info.build();
  }

  /**
   * What every task of one config shares, computed once per config rather than once per task
   * (a round launches many tasks of few configs): Aurora's executor reads the config from the
   * serialized {@link AssignedTask}, the largest part of each launch.
   */
  private record PerConfig(String name, String sourcePrefix, List<Resource> resources,
      List<Resource> executorResources, Labels labels, byte[] configBytes) {}

  private PerConfig perConfig(TaskConfig config) {
    PerConfig cached = perConfig.get(config);
    if (cached != null) {
      return cached;
    }
    JobKey job = config.getJob();
    ResourceBag own = ResourceBag.of(config.isSetResources() ? config.getResources() : List.of());
    boolean revocable = revocability.isRevocable(config);
    boolean revocableCpus = revocable && revocability.cpus();
    boolean revocableRam = revocable && revocability.ram();
    List<Resource> resources = new ArrayList<>();
    addScalar(resources, "cpus", own.cpus(), revocableCpus);
    addScalar(resources, "mem", own.ramMb(), revocableRam);
    addScalar(resources, "disk", own.diskMb(), false);
    addScalar(resources, "gpus", own.gpus(), false);
    List<Resource> executorResources = new ArrayList<>();
    addScalar(executorResources, "cpus", executor.cpus(), revocableCpus);
    addScalar(executorResources, "mem", executor.ramMb(), revocableRam);
    Labels.Builder labels = Labels.newBuilder();
    if (config.isSetTier()) {
      labels.addLabels(label("org.apache.aurora.tier", config.getTier()));
    }
    if (config.isSetMetadata()) {
      for (Metadata m : config.getMetadata()) {
        labels.addLabels(label("org.apache.aurora.metadata." + m.getKey(), m.getValue()));
      }
    }
    PerConfig fresh = new PerConfig(
        job.getRole() + "/" + job.getEnvironment() + "/" + job.getName(),
        job.getRole() + "." + job.getEnvironment() + "." + job.getName() + ".",
        List.copyOf(resources), List.copyOf(executorResources), labels.build(),
        AssignedTaskBytes.config(config));
    if (perConfig.size() >= MAX_CACHED_CONFIGS) {
      perConfig.clear();
    }
    perConfig.put(config, fresh);
    return fresh;
  }

  private static CommandInfo command(ExecutorSettings executor) {
    String path = executor.executorPath();
    String binary = path.isEmpty() ? DEFAULT_EXECUTOR_BINARY : path.substring(path.lastIndexOf('/') + 1);
    String command = "${MESOS_SANDBOX=.}/" + binary
        + (executor.flags().isEmpty() ? "" : " " + executor.flags());
    CommandInfo.Builder cmd = CommandInfo.newBuilder().setValue(command).setShell(true);
    if (!path.isEmpty()) {
      cmd.addUris(CommandInfo.URI.newBuilder().setValue(path).setExecutable(true));
    }
    for (String uri : executor.extraUris()) {
      cmd.addUris(CommandInfo.URI.newBuilder().setValue(uri));
    }
    return cmd.build();
  }

  /** The thrift-binary form of {@code task}, as Aurora's executor expects in TaskInfo.data. */
  public static byte[] serialize(AssignedTask task) {
    try {
      return new TSerializer(new TBinaryProtocol.Factory()).serialize(task);
    } catch (TException e) {
      throw new IllegalStateException("cannot serialize task " + task.getTaskId(), e);
    }
  }

  private static void addScalar(List<Resource> out, String name, double value, boolean revocable) {
    if (value > 0) {
      Resource.Builder r = Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
          .setScalar(Value.Scalar.newBuilder().setValue(value));
      if (revocable) {
        r.setRevocable(Resource.RevocableInfo.getDefaultInstance());
      }
      out.add(r.build());
    }
  }

  private static Label label(String key, String value) {
    return Label.newBuilder().setKey(key).setValue(value).build();
  }
}
