package io.aurora.server.client.config.jobschema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The type of a field of Aurora's job schema (a pystachio type): a scalar, an enumeration of
 * strings, a struct, a list, a map with string keys, or a choice between structs.
 */
public sealed interface FieldType {
  /** What the type is called in messages ({@code an integer}, {@code a Task}). */
  String describe();

  /** pystachio's {@code String}: text, or a number written as text. */
  record Text() implements FieldType {
    @Override
    public String describe() {
      return "a string";
    }
  }

  /** pystachio's {@code Integer}. */
  record Int() implements FieldType {
    @Override
    public String describe() {
      return "an integer";
    }
  }

  /** pystachio's {@code Float}. */
  record Real() implements FieldType {
    @Override
    public String describe() {
      return "a number";
    }
  }

  /** pystachio's {@code Boolean}. */
  record Flag() implements FieldType {
    @Override
    public String describe() {
      return "a boolean";
    }
  }

  /** pystachio's {@code Enum}: one of a few strings. */
  record Choices(List<String> values) implements FieldType {
    public Choices {
      values = List.copyOf(values);
    }

    @Override
    public String describe() {
      return "one of " + String.join(", ", values);
    }
  }

  /** A list of one element type. */
  record ListOf(FieldType element) implements FieldType {
    public ListOf {
      Objects.requireNonNull(element, "element");
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A map from strings to one value type. */
  record MapOf(FieldType value) implements FieldType {
    public MapOf {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
      return "an object";
    }
  }

  /**
   * A struct: named fields, in the order they are written out.
   *
   * @param name the schema's name for it ({@code MesosJob}, {@code Task})
   */
  record Struct(String name, List<Field> fields) implements FieldType {
    public Struct {
      Objects.requireNonNull(name, "name");
      fields = List.copyOf(fields);
    }

    /** The field called {@code field}, if the struct has one. */
    public Optional<Field> field(String field) {
      return fields.stream().filter(f -> f.name().equals(field)).findFirst();
    }

    @Override
    public String describe() {
      return "a " + name;
    }
  }

  /**
   * pystachio's {@code Choice}: one of several structs, with no tag in JSON. A value is read as the
   * first alternative it fits (pystachio stops at the first alternative's error instead).
   */
  record OneOf(String name, List<Struct> alternatives) implements FieldType {
    public OneOf {
      Objects.requireNonNull(name, "name");
      alternatives = List.copyOf(alternatives);
    }

    @Override
    public String describe() {
      return "one of " + String.join(", ", alternatives.stream().map(Struct::name).toList());
    }
  }
}
