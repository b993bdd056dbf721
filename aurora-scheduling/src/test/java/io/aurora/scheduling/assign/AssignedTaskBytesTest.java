package io.aurora.scheduling.assign;

import static io.aurora.scheduling.filter.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.resources.ExecutorSettings;
import java.util.HashMap;
import java.util.Map;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.junit.jupiter.api.Test;

class AssignedTaskBytesTest {

  @Test
  void write_isByteForByteTheGeneratedSerialization() {
    TaskConfig config = config("www", "hello", 1.5, 256, 512, "http", "admin");
    Map<String, Integer> ports = new HashMap<>(Map.of("http", 31000, "admin", 31001));
    AssignedTask task = new AssignedTask().setTaskId("t-1").setSlaveId("agent-1")
        .setSlaveHost("host-1").setInstanceId(7).setTask(config).setAssignedPorts(ports);

    assertThat(AssignedTaskBytes.write(task, AssignedTaskBytes.config(config)))
        .isEqualTo(TaskInfoBuilder.serialize(task));
  }

  @Test
  void write_skipsUnsetFieldsAsTheGeneratedCodeDoes() {
    TaskConfig config = config("www", "hello", 1, 16, 16);
    AssignedTask task = new AssignedTask().setTaskId("t-2").setInstanceId(0).setTask(config);

    assertThat(AssignedTaskBytes.write(task, AssignedTaskBytes.config(config)))
        .isEqualTo(TaskInfoBuilder.serialize(task));
  }

  @Test
  void build_tasksOfDifferentConfigsEachCarryTheirOwnConfig() {
    TaskInfoBuilder builder = new TaskInfoBuilder(ExecutorSettings.DEFAULTS);
    TaskConfig a = config("www", "a", 1, 16, 16);
    TaskConfig b = config("www", "b", 2, 32, 32);
    for (TaskConfig config : new TaskConfig[] {a, b, a}) {
      AssignedTask task = new AssignedTask().setTaskId("id-" + config.getJob().getName())
          .setSlaveId("agent").setSlaveHost("host").setInstanceId(1).setTask(config)
          .setAssignedPorts(Map.of());

      TaskInfo info = builder.build(task);

      assertThat(info.getName()).isEqualTo("www/prod/" + config.getJob().getName());
      assertThat(info.getData().toByteArray()).isEqualTo(TaskInfoBuilder.serialize(task));
    }
  }
}
