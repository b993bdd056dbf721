package io.aurora.server.client.config.jobschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aurora.server.client.config.jobschema.FieldType.ListOf;
import io.aurora.server.client.config.jobschema.FieldType.MapOf;
import io.aurora.server.client.config.jobschema.FieldType.OneOf;
import io.aurora.server.client.config.jobschema.FieldType.Struct;
import io.aurora.server.client.config.jobschema.Templates.Literal;
import io.aurora.server.client.config.jobschema.Templates.Part;
import io.aurora.server.client.config.jobschema.Templates.Reference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the {@code {{references}}} of a normalized job as pystachio scopes them: a reference in
 * a struct is looked up first among that struct's own fields, then its parent's, out to the job's
 * (so {@code {{name}}} in a process is the process's name and {@code {{role}}} there the job's);
 * a value found that holds references is resolved in its own place. Like Aurora's client it reads
 * {@code mesos.role} and {@code thermos.user} as {@code role} and {@code mesos.cluster} as {@code
 * cluster}, and leaves what the executor resolves per instance as written: {@code
 * mesos.instance}, {@code mesos.hostname}, {@code thermos.ports[NAME]}, {@code thermos.task_id}.
 * Any other reference that resolves to nothing is an error naming it.
 */
public final class Interpolator {
  /** How deep references to references may go before we call it a cycle. */
  static final int MAX_DEPTH = 32;

  private final Set<String> unbound = new LinkedHashSet<>();

  private Interpolator() {}

  /**
   * {@code node}, a normalized {@code type}, with every reference the client resolves filled in.
   *
   * @throws IllegalArgumentException naming every unbound reference, or a reference that cycles
   *     or names a struct instead of a value
   */
  public static JsonNode interpolate(JsonNode node, Struct type) {
    Interpolator interpolator = new Interpolator();
    JsonNode out = interpolator.walk(node, type, List.of(), "");
    if (!interpolator.unbound.isEmpty()) {
      String docker = interpolator.unbound.stream().filter(r -> r.startsWith("{{docker."))
          .findFirst().orElse(null);
      if (docker != null) {
        throw new IllegalArgumentException(docker + " asks Aurora's client to look the image up "
            + "in a Docker registry, which bin/aurora does not do: write the image itself, as "
            + "NAME:TAG or NAME@sha256:DIGEST");
      }
      throw new IllegalArgumentException("unbound variable" + (interpolator.unbound.size() > 1
          ? "s " : " ") + String.join(", ", interpolator.unbound)
          + " (give a value with --bind NAME=VALUE)");
    }
    return out;
  }

  /**
   * The text of {@code struct}'s field {@code field} with its references resolved in {@code
   * struct}'s scope, or as far as they can be: unbound ones stay as written. For naming a job
   * whose other fields do not resolve.
   */
  public static String fieldText(JsonNode struct, String field) {
    JsonNode value = struct.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      return value.asText();
    }
    try {
      return new Interpolator().fill(value.textValue(), List.of(struct), 0, field);
    } catch (IllegalArgumentException e) {
      return value.textValue();
    }
  }

  /** Whether the executor resolves {@code reference} for each instance (the client leaves it). */
  public static boolean executorSide(List<String> steps) {
    return steps.equals(List.of("mesos", "instance")) || steps.equals(List.of("mesos", "hostname"))
        || steps.equals(List.of("thermos", "task_id"))
        || (steps.size() == 3 && steps.get(0).equals("thermos") && steps.get(1).equals("ports"));
  }

  private JsonNode walk(JsonNode node, FieldType type, List<JsonNode> chain, String path) {
    if (type instanceof OneOf choice) {
      return walk(node, SchemaReader.choose(node, choice, path), chain, path);
    }
    if (type instanceof Struct s) {
      List<JsonNode> inner = push(node, chain);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), walk(e.getValue(),
          s.field(e.getKey()).orElseThrow().type(), inner, SchemaReader.child(path, e.getKey()))));
      return out;
    }
    if (type instanceof ListOf list) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        out.add(walk(node.get(i), list.element(), chain, path + "[" + i + "]"));
      }
      return out;
    }
    if (type instanceof MapOf map) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(),
          walk(e.getValue(), map.value(), chain, path + "[" + e.getKey() + "]")));
      return out;
    }
    return node.isTextual() ? TextNode.valueOf(fill(node.textValue(), chain, 0, path)) : node;
  }

  private String fill(String text, List<JsonNode> chain, int depth, String path) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(path + ": references nest more than " + MAX_DEPTH
          + " deep (does one refer to itself?)");
    }
    StringBuilder out = new StringBuilder();
    for (Part part : Templates.split(text)) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else {
        out.append(resolve((Reference) part, chain, depth, path));
      }
    }
    return out.toString();
  }

  private String resolve(Reference reference, List<JsonNode> chain, int depth, String path) {
    List<String> steps;
    try {
      steps = reference.steps();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
    if (executorSide(steps)) {
      return reference.text();
    }
    // Aurora's client binds these three to the job's own fields before it interpolates.
    if (steps.equals(List.of("mesos", "role")) || steps.equals(List.of("thermos", "user"))) {
      steps = List.of("role");
    } else if (steps.equals(List.of("mesos", "cluster"))) {
      steps = List.of("cluster");
    }
    for (int i = 0; i < chain.size(); i++) {
      Found found = lookup(chain.get(i), steps, chain.subList(i, chain.size()));
      if (found != null) {
        JsonNode value = found.value();
        if (value.isTextual()) {
          return fill(value.textValue(), found.chain(), depth + 1, path);
        }
        if (value.isContainerNode()) {
          throw new IllegalArgumentException(path + ": " + reference.text()
              + " names a struct, list or map, not a value");
        }
        if (value.isBoolean()) {
          return value.booleanValue() ? "True" : "False";
        }
        return value.isFloatingPointNumber() ? PythonJson.floatRepr(value.doubleValue())
            : value.asText();
      }
    }
    unbound.add(reference.text());
    return reference.text();
  }

  /** A value found by a reference, and the scopes of the struct it is in. */
  private record Found(JsonNode value, List<JsonNode> chain) {}

  private static Found lookup(JsonNode scope, List<String> steps, List<JsonNode> chain) {
    JsonNode node = scope;
    List<JsonNode> scopes = chain;
    for (int i = 0; i < steps.size(); i++) {
      String step = steps.get(i);
      JsonNode child;
      if (node.isObject()) {
        child = node.get(step);
      } else if (node.isArray() && step.matches("\\d{1,9}")) {
        child = node.get(Integer.parseInt(step));
      } else {
        child = null;
      }
      if (child == null) {
        return null;
      }
      if (i < steps.size() - 1 && child.isObject()) {
        scopes = push(child, scopes);
      }
      node = child;
    }
    return new Found(node, scopes);
  }

  private static List<JsonNode> push(JsonNode head, List<JsonNode> chain) {
    List<JsonNode> out = new ArrayList<>(chain.size() + 1);
    out.add(head);
    out.addAll(chain);
    return out;
  }
}
