package io.aurora.storage.mem;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.TaskConfig;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.thrift.TBase;
import org.apache.thrift.TFieldIdEnum;

/**
 * Makes job configurations and job updates hold the same {@link TaskConfig} instances as the
 * tasks, instead of copies of their own: a job's configuration, its cron template and the
 * instructions of its updates usually carry exactly the config its tasks run, so the stores keep
 * one object for all of them.
 *
 * <p>Stored structs are never modified, so the rewritten ones are shallow copies with only their
 * task configs replaced; the caller's structs (which the log may still be encoding) stay as they
 * are.
 */
final class SharedConfigs {
  private SharedConfigs() {}

  /** {@code job} holding {@code canonical(job.taskConfig)}; {@code job} itself if unchanged. */
  static JobConfiguration job(JobConfiguration job, UnaryOperator<TaskConfig> canonical) {
    TaskConfig config = job.getTaskConfig();
    TaskConfig shared = config == null ? null : canonical.apply(config);
    if (shared == config) {
      return job;
    }
    JobConfiguration copy = shallow(job, new JobConfiguration(), JobConfiguration._Fields.values());
    return copy.setTaskConfig(shared);
  }

  /** {@code update} whose instructions hold canonical task configs. */
  static JobUpdate update(JobUpdate update, UnaryOperator<TaskConfig> canonical) {
    JobUpdateInstructions instructions = update.getInstructions();
    if (instructions == null) {
      return update;
    }
    JobUpdateInstructions copy = shallow(instructions, new JobUpdateInstructions(),
        JobUpdateInstructions._Fields.values());
    if (instructions.isSetDesiredState()) {
      copy.setDesiredState(instance(instructions.getDesiredState(), canonical));
    }
    if (instructions.isSetInitialState()) {
      Set<InstanceTaskConfig> initial = new HashSet<>();
      instructions.getInitialState().forEach(i -> initial.add(instance(i, canonical)));
      copy.setInitialState(initial);
    }
    return shallow(update, new JobUpdate(), JobUpdate._Fields.values()).setInstructions(copy);
  }

  /** The task config in {@code update}'s instructions equal to {@code config}, or null. */
  static TaskConfig findIn(JobUpdate update, TaskConfig config) {
    JobUpdateInstructions instructions = update.getInstructions();
    if (instructions == null) {
      return null;
    }
    if (instructions.isSetDesiredState()
        && config.equals(instructions.getDesiredState().getTask())) {
      return instructions.getDesiredState().getTask();
    }
    if (instructions.isSetInitialState()) {
      for (InstanceTaskConfig initial : instructions.getInitialState()) {
        if (config.equals(initial.getTask())) {
          return initial.getTask();
        }
      }
    }
    return null;
  }

  /** Whether {@code update} is an update of {@code job}. */
  static boolean isOf(JobUpdate update, JobKey job) {
    return update.getSummary() != null && update.getSummary().getKey() != null
        && Objects.equals(update.getSummary().getKey().getJob(), job);
  }

  private static InstanceTaskConfig instance(InstanceTaskConfig instance,
      UnaryOperator<TaskConfig> canonical) {
    if (instance.getTask() == null) {
      return instance;
    }
    TaskConfig shared = canonical.apply(instance.getTask());
    if (shared == instance.getTask()) {
      return instance;
    }
    return shallow(instance, new InstanceTaskConfig(), InstanceTaskConfig._Fields.values())
        .setTask(shared);
  }

  /** Copies the fields set in {@code from} into {@code into} by reference. */
  private static <T extends TBase<T, F>, F extends TFieldIdEnum> T shallow(T from, T into,
      F[] fields) {
    for (F field : fields) {
      if (from.isSet(field)) {
        into.setFieldValue(field, from.getFieldValue(field));
      }
    }
    return into;
  }
}
