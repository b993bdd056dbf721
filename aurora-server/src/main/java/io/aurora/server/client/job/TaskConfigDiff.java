package io.aurora.server.client.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurora.gen.TaskConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields in which two task configs differ, for people: each config is flattened into
 * {@code path = value} leaves ({@code executorConfig.data.task.processes[0].cmdline = "echo v2"}),
 * reading the executor data as JSON when it is JSON (Thermos data is), so that a changed command
 * is one line rather than a changed blob. Sets are in the stable order {@link StructJson} gives
 * them.
 */
final class TaskConfigDiff {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One differing leaf.
   *
   * @param before its value in the running config, empty if the field is new
   * @param after its value in the proposed config, empty if the field is gone
   */
  record Change(String field, Optional<JsonNode> before, Optional<JsonNode> after) {
    Change {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  private TaskConfigDiff() {}

  /** The leaves in which {@code before} and {@code after} differ, in field order. */
  static List<Change> between(TaskConfig before, TaskConfig after) {
    Map<String, JsonNode> old = leaves(before);
    Map<String, JsonNode> proposed = leaves(after);
    Set<String> fields = new LinkedHashSet<>(old.keySet());
    fields.addAll(proposed.keySet());
    List<Change> changes = new ArrayList<>();
    for (String field : fields) {
      JsonNode a = old.get(field);
      JsonNode b = proposed.get(field);
      if (!Objects.equals(a, b)) {
        changes.add(new Change(field, Optional.ofNullable(a), Optional.ofNullable(b)));
      }
    }
    return changes;
  }

  /** {@code config}'s leaves by path, in field order. */
  static Map<String, JsonNode> leaves(TaskConfig config) {
    ObjectNode node = StructJson.of(config);
    JsonNode executor = node.get("executorConfig");
    if (executor instanceof ObjectNode e && e.path("data").isTextual()) {
      parsed(e.get("data").textValue()).ifPresent(data -> e.set("data", data));
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject() && node.size() > 0) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
            out);
      }
    } else if (node.isArray() && node.size() > 0) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(path, node);
    }
  }

  /** The executor data as JSON, when it is an object or array written as JSON. */
  private static Optional<JsonNode> parsed(String data) {
    String text = data.strip();
    if (!text.startsWith("{") && !text.startsWith("[")) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(text));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
