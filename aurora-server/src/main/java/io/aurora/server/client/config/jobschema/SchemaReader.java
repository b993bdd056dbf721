package io.aurora.server.client.config.jobschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aurora.server.client.config.jobschema.FieldType.Choices;
import io.aurora.server.client.config.jobschema.FieldType.Flag;
import io.aurora.server.client.config.jobschema.FieldType.Int;
import io.aurora.server.client.config.jobschema.FieldType.ListOf;
import io.aurora.server.client.config.jobschema.FieldType.MapOf;
import io.aurora.server.client.config.jobschema.FieldType.OneOf;
import io.aurora.server.client.config.jobschema.FieldType.Real;
import io.aurora.server.client.config.jobschema.FieldType.Struct;
import io.aurora.server.client.config.jobschema.FieldType.Text;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON against {@link JobSchema} in two steps around interpolation. {@link #normalize}
 * checks the shape (objects, lists, unknown fields), fills in every default and orders each
 * struct's fields as the schema lists them; scalar fields may still hold templates then. {@link
 * #coerce}, after interpolation, turns text written for numbers and booleans into them (pystachio
 * coerces {@code "3"} to 3) and checks enumerations. {@link #requireAll} checks required fields.
 */
public final class SchemaReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaReader() {}

  /**
   * {@code node} read as a {@code type}, its defaults filled in.
   *
   * @param strict whether an unknown field is an error (Aurora's {@code --read-json}: "Unknown
   *     schema attribute") or dropped (how the executor reads the data it is given)
   * @param path where {@code node} is, for messages ({@code task.processes[0]})
   * @throws IllegalArgumentException naming the path and what is wrong
   */
  public static JsonNode normalize(JsonNode node, FieldType type, String path, boolean strict) {
    if (type instanceof Struct s) {
      return struct(node, s, path, strict);
    }
    if (type instanceof OneOf choice) {
      return normalize(node, choose(node, choice, path), path, strict);
    }
    if (type instanceof ListOf list) {
      expect(node.isArray(), node, "a list", path);
      ArrayNode out = NODES.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        out.add(normalize(node.get(i), list.element(), path + "[" + i + "]", strict));
      }
      return out;
    }
    if (type instanceof MapOf map) {
      expect(node.isObject(), node, "an object", path);
      ObjectNode out = NODES.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(),
          normalize(e.getValue(), map.value(), path + "[" + e.getKey() + "]", strict)));
      return out;
    }
    return scalar(node, type, path);
  }

  /**
   * The alternative of {@code choice} that {@code node} is: the first it fits with no unknown
   * field and every required one. The key sets tell them apart: {@code {"batch_size": 2}} is a
   * queue strategy, with {@code autopause_after_batch} a batch strategy.
   */
  public static Struct choose(JsonNode node, OneOf choice, String path) {
    expect(node.isObject(), node, choice.describe() + " (an object)", path);
    IllegalArgumentException first = null;
    for (Struct alternative : choice.alternatives()) {
      try {
        requireAll(normalize(node, alternative, path, true), alternative, path);
        return alternative;
      } catch (IllegalArgumentException e) {
        first = first == null ? e : first;
      }
    }
    throw new IllegalArgumentException(path + ": fits none of " + String.join(", ",
        choice.alternatives().stream().map(Struct::name).toList()) + " (" + first.getMessage()
        + ")");
  }

  /**
   * Checks that every required field of every struct in {@code node} is there.
   *
   * @throws IllegalArgumentException naming the first missing field's path
   */
  public static void requireAll(JsonNode node, FieldType type, String path) {
    if (type instanceof OneOf choice) {
      requireAll(node, choose(node, choice, path), path);
    } else if (type instanceof Struct s) {
      for (Field f : s.fields()) {
        JsonNode value = node.get(f.name());
        if (value == null) {
          if (f.required()) {
            throw new IllegalArgumentException(child(path, f.name()) + " is required (" + s.name()
                + "[" + f.name() + "])");
          }
        } else {
          requireAll(value, f.type(), child(path, f.name()));
        }
      }
    } else if (type instanceof ListOf list) {
      for (int i = 0; i < node.size(); i++) {
        requireAll(node.get(i), list.element(), path + "[" + i + "]");
      }
    } else if (type instanceof MapOf map) {
      node.fields().forEachRemaining(e ->
          requireAll(e.getValue(), map.value(), path + "[" + e.getKey() + "]"));
    }
  }

  /**
   * {@code node} (normalized and interpolated) with text turned into the numbers and booleans its
   * fields hold. Text that still holds a template (one the executor resolves) stays text.
   */
  public static JsonNode coerce(JsonNode node, FieldType type, String path) {
    if (type instanceof OneOf choice) {
      return coerce(node, choose(node, choice, path), path);
    }
    if (type instanceof Struct s) {
      ObjectNode out = NODES.objectNode();
      for (Field f : s.fields()) {
        JsonNode value = node.get(f.name());
        if (value != null) {
          out.set(f.name(), coerce(value, f.type(), child(path, f.name())));
        }
      }
      return out;
    }
    if (type instanceof ListOf list) {
      ArrayNode out = NODES.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        out.add(coerce(node.get(i), list.element(), path + "[" + i + "]"));
      }
      return out;
    }
    if (type instanceof MapOf map) {
      ObjectNode out = NODES.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(),
          coerce(e.getValue(), map.value(), path + "[" + e.getKey() + "]")));
      return out;
    }
    if (!node.isTextual() || type instanceof Text || Templates.hasReference(node.textValue())) {
      return node;
    }
    String text = node.textValue().strip();
    if (type instanceof Int) {
      if (text.matches("[-+]?\\d{1,18}")) {
        return LongNode.valueOf(Long.parseLong(text));
      }
    } else if (type instanceof Real) {
      if (text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
        return DoubleNode.valueOf(Double.parseDouble(text));
      }
    } else if (type instanceof Flag) {
      switch (text.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "1" -> {
          return BooleanNode.TRUE;
        }
        case "false", "0" -> {
          return BooleanNode.FALSE;
        }
        default -> { }
      }
    } else if (type instanceof Choices choices && choices.values().contains(node.textValue())) {
      return node;
    }
    throw new IllegalArgumentException(path + ": expected " + type.describe() + ", got "
        + node);
  }

  private static JsonNode struct(JsonNode node, Struct s, String path, boolean strict) {
    expect(node.isObject(), node, s.describe() + " (an object)", path);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String key = it.next().getKey();
      if (strict && s.field(key).isEmpty()) {
        throw new IllegalArgumentException((path.isEmpty() ? "" : path + ": ")
            + "Unknown schema attribute " + key + " (" + s.name() + " has "
            + String.join(", ", s.fields().stream().map(Field::name).toList()) + ")");
      }
    }
    ObjectNode out = NODES.objectNode();
    for (Field f : s.fields()) {
      JsonNode value = node.get(f.name());
      Optional<JsonNode> given = value == null || value.isNull() ? f.defaultValue()
          : Optional.of(value);
      given.ifPresent(v -> out.set(f.name(),
          normalize(v.deepCopy(), f.type(), child(path, f.name()), strict)));
    }
    return out;
  }

  private static JsonNode scalar(JsonNode node, FieldType type, String path) {
    if (type instanceof Text) {
      if (node.isTextual()) {
        return node;
      }
      if (node.isIntegralNumber()) {
        return TextNode.valueOf(node.asText());
      }
      if (node.isNumber()) {
        return TextNode.valueOf(PythonJson.floatRepr(node.doubleValue()));
      }
    } else if (type instanceof Int) {
      if (node.isIntegralNumber() && node.canConvertToLong()) {
        return LongNode.valueOf(node.longValue());
      }
      if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue())
          && Math.abs(node.doubleValue()) < 1e18) {
        return LongNode.valueOf((long) node.doubleValue());
      }
      if (node.isTextual()) {
        return node;
      }
    } else if (type instanceof Real) {
      if (node.isNumber()) {
        return DoubleNode.valueOf(node.doubleValue());
      }
      if (node.isTextual()) {
        return node;
      }
    } else if (type instanceof Flag) {
      if (node.isBoolean() || node.isTextual()) {
        return node;
      }
    } else if (type instanceof Choices) {
      if (node.isTextual()) {
        return node;
      }
    }
    throw new IllegalArgumentException(path + ": expected " + type.describe() + ", got " + node);
  }

  private static void expect(boolean ok, JsonNode node, String what, String path) {
    if (!ok) {
      throw new IllegalArgumentException((path.isEmpty() ? "the job" : path) + ": expected "
          + what + ", got " + (node.isContainerNode() ? (node.isArray() ? "a list" : "an object")
          : node.toString()));
    }
  }

  /** The path of field {@code name} under {@code path}. */
  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
