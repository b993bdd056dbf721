package io.aurora.server.localmesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.TaskInfo;

/**
 * What a local agent runs for a task: shell command lines, run in order, each with {@code sh -c},
 * stopping at the first that fails.
 *
 * <ul>
 *   <li>A task with a plain {@link CommandInfo} runs that command.
 *   <li>A task for the Aurora executor carries a Thermos config (JSON). Aurora puts the serialized
 *       Thrift {@code AssignedTask} in {@code TaskInfo.data}; the JSON is its
 *       {@code task.executorConfig.data}. We also accept the JSON itself in {@code TaskInfo.data}
 *       or in {@code ExecutorInfo.data}. Its {@code task.processes[].cmdline} run in declared order.
 *       {@code {{thermos.ports[name]}}} and {@code {{mesos.instance}}} are filled in from the
 *       {@code AssignedTask}, as Thermos does; other templates are left alone.
 * </ul>
 */
final class TaskCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskCommands() {}

  /** The command lines, or an explanation of why there are none. */
  static List<String> of(TaskInfo task) {
    if (task.hasCommand() && task.getCommand().hasValue()) {
      return List.of(shellLine(task.getCommand()));
    }
    List<byte[]> candidates = new ArrayList<>();
    Map<String, String> bindings = new HashMap<>();
    if (!task.getData().isEmpty()) {
      byte[] data = task.getData().toByteArray();
      Optional<byte[]> config = ThriftBinaryFields.string(data, 4, 25, 2);
      if (config.isPresent()) {
        candidates.add(config.get());
        // What Thermos fills in at run time: AssignedTask.assignedPorts (5), .instanceId (6).
        ThriftBinaryFields.stringToI32(data, 5).forEach(
            (name, port) -> bindings.put("thermos.ports[" + name + "]", String.valueOf(port)));
        ThriftBinaryFields.i32(data, 6).ifPresent(
            instance -> bindings.put("mesos.instance", String.valueOf(instance)));
      }
      candidates.add(data);
    }
    if (task.hasExecutor() && !task.getExecutor().getData().isEmpty()) {
      candidates.add(task.getExecutor().getData().toByteArray());
    }
    for (byte[] candidate : candidates) {
      Optional<List<String>> lines = thermosProcesses(candidate);
      if (lines.isPresent()) {
        return lines.get().stream().map(line -> expand(line, bindings)).toList();
      }
    }
    if (task.hasExecutor() && task.getExecutor().hasCommand()
        && task.getExecutor().getCommand().hasValue()) {
      // A custom executor we cannot speak the executor API to: run its command as the task.
      return List.of(shellLine(task.getExecutor().getCommand()));
    }
    throw new IllegalArgumentException("task " + task.getTaskId().getValue()
        + " has neither a command nor a Thermos config the local agent understands");
  }

  private static String shellLine(CommandInfo command) {
    if (!command.hasShell() || command.getShell()) {
      return command.getValue();
    }
    StringBuilder line = new StringBuilder(quote(command.getValue()));
    // Mesos passes arguments as argv, argv[0] included.
    List<String> args = command.getArgumentsList();
    for (int i = 1; i < args.size(); i++) {
      line.append(' ').append(quote(args.get(i)));
    }
    return line.toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Replaces {@code {{name}}} for the known bindings; other templates stay as they are. */
  private static String expand(String line, Map<String, String> bindings) {
    String out = line;
    for (Map.Entry<String, String> binding : bindings.entrySet()) {
      out = out.replace("{{" + binding.getKey() + "}}", binding.getValue());
    }
    return out;
  }

  private static Optional<List<String>> thermosProcesses(byte[] json) {
    if (json.length == 0 || json[0] != '{') {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(json);
      JsonNode processes = root.path("task").path("processes");
      if (!processes.isArray()) {
        processes = root.path("processes");
      }
      if (!processes.isArray() || processes.isEmpty()) {
        return Optional.empty();
      }
      List<String> lines = new ArrayList<>();
      for (JsonNode process : processes) {
        lines.add(process.path("cmdline").asText());
      }
      return Optional.of(lines);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
