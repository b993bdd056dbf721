package io.aurora.server.localmesos;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.junit.jupiter.api.Test;

class TaskCommandsTest {
  private static final String THERMOS = "{\"task\":{\"name\":\"hello\",\"processes\":["
      + "{\"name\":\"setup\",\"cmdline\":\"echo setup\"},"
      + "{\"name\":\"main\",\"cmdline\":\"echo main && sleep 1\"}]},\"environment\":\"devel\"}";
  private static final String THERMOS_WITH_PORT = "{\"task\":{\"processes\":[{\"cmdline\":"
      + "\"serve --port={{thermos.ports[http]}} --shard={{mesos.instance}} {{other}}\"}]}}";

  private static TaskInfo.Builder base() {
    return TaskInfo.newBuilder().setName("t")
        .setTaskId(MesosTesting.taskId("t"))
        .setAgentId(org.apache.mesos.v1.Protos.AgentID.newBuilder().setValue("a"));
  }

  private static ExecutorInfo auroraExecutor(ByteString data) {
    return ExecutorInfo.newBuilder()
        .setExecutorId(ExecutorID.newBuilder().setValue("thermos-t"))
        .setCommand(CommandInfo.newBuilder().setValue("./thermos_executor.pex"))
        .setData(data)
        .build();
  }

  @Test
  void plainShellCommand() {
    assertThat(TaskCommands.of(base().setCommand(CommandInfo.newBuilder().setValue("echo hi"))
        .build())).containsExactly("echo hi");
  }

  @Test
  void nonShellCommand_isQuotedArgv() {
    CommandInfo command = CommandInfo.newBuilder().setShell(false).setValue("/bin/echo")
        .addArguments("echo").addArguments("it's").build();
    assertThat(TaskCommands.of(base().setCommand(command).build()))
        .containsExactly("'/bin/echo' 'it'\\''s'");
  }

  @Test
  void thermosJson_inExecutorData_runsProcessesInOrder() {
    TaskInfo task = base().setExecutor(auroraExecutor(ByteString.copyFromUtf8(THERMOS))).build();
    assertThat(TaskCommands.of(task)).containsExactly("echo setup", "echo main && sleep 1");
  }

  @Test
  void thermosJson_insideThriftAssignedTask_inTaskData() throws IOException {
    // AssignedTask{1: taskId, 4: TaskConfig{25: ExecutorConfig{1: name, 2: data}}, 6: instanceId}
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    string(out, 1, "t");
    out.writeByte(12);
    out.writeShort(4);               // task
    out.writeByte(8);
    out.writeShort(11);
    out.writeInt(3);                 // an unrelated i32 before executorConfig
    out.writeByte(15);
    out.writeShort(12);
    out.writeByte(11);
    out.writeInt(1);
    out.writeInt(1);
    out.writeByte('x');              // and a list<string>
    out.writeByte(12);
    out.writeShort(25);              // executorConfig
    string(out, 1, "AuroraExecutor");
    string(out, 2, THERMOS);
    out.writeByte(0);
    out.writeByte(0);
    out.writeByte(8);
    out.writeShort(6);
    out.writeInt(0);
    out.writeByte(0);
    TaskInfo task = base().setExecutor(auroraExecutor(ByteString.EMPTY))
        .setData(ByteString.copyFrom(bytes.toByteArray())).build();
    assertThat(TaskCommands.of(task)).containsExactly("echo setup", "echo main && sleep 1");
  }

  @Test
  void assignedTask_portsAndInstance_fillThermosTemplates() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(12);
    out.writeShort(4);
    out.writeByte(12);
    out.writeShort(25);
    string(out, 2, THERMOS_WITH_PORT);
    out.writeByte(0);
    out.writeByte(0);
    out.writeByte(13);
    out.writeShort(5);               // assignedPorts: map<string, i32>
    out.writeByte(11);
    out.writeByte(8);
    out.writeInt(1);
    out.writeInt(4);
    out.write("http".getBytes(UTF_8));
    out.writeInt(31005);
    out.writeByte(8);
    out.writeShort(6);               // instanceId
    out.writeInt(3);
    out.writeByte(0);
    TaskInfo task = base().setExecutor(auroraExecutor(ByteString.EMPTY))
        .setData(ByteString.copyFrom(bytes.toByteArray())).build();
    assertThat(TaskCommands.of(task)).containsExactly("serve --port=31005 --shard=3 {{other}}");
  }

  @Test
  void nothingToRun_isRejected() {
    assertThatThrownBy(() -> TaskCommands.of(base().build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither");
  }

  private static void string(DataOutputStream out, int id, String value) throws IOException {
    byte[] bytes = value.getBytes(UTF_8);
    out.writeByte(11);
    out.writeShort(id);
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
