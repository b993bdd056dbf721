package io.aurora.server.flags;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.ArgSpec;

/** How a flag's value is written: the label in help and the "expected ..." in error messages. */
final class FlagType {
  private FlagType() {}

  /** A short placeholder such as {@code <duration>} or {@code <CPU|MEMORY>}. */
  static String label(ArgSpec arg) {
    Class<?> type = elementType(arg);
    String one = labelOf(type);
    return isList(arg) ? "<" + one + ",...>" : "<" + one + ">";
  }

  /** What a value must look like, e.g. "an integer" or "a duration such as ...". */
  static String expected(ArgSpec arg) {
    Class<?> type = elementType(arg);
    String one = expectedOf(type);
    return isList(arg) ? "a comma-separated list of " + one : one;
  }

  private static boolean isList(ArgSpec arg) {
    return Collection.class.isAssignableFrom(arg.type());
  }

  private static Class<?> elementType(ArgSpec arg) {
    if (isList(arg) && arg.auxiliaryTypes().length > 0) {
      return arg.auxiliaryTypes()[0];
    }
    return arg.type();
  }

  private static String labelOf(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "int";
    } else if (type == double.class || type == Double.class) {
      return "number";
    } else if (type == boolean.class || type == Boolean.class) {
      return "bool";
    } else if (type == Duration.class) {
      return "duration";
    } else if (type == DataSize.class) {
      return "size";
    } else if (type == Path.class) {
      return "path";
    } else if (type.isEnum()) {
      return constants(type, "|");
    }
    return "string";
  }

  private static String expectedOf(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    } else if (type == double.class || type == Double.class) {
      return "a number";
    } else if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    } else if (type == Duration.class) {
      return DurationFormat.EXPECTED;
    } else if (type == DataSize.class) {
      return DataSize.EXPECTED;
    } else if (type == Path.class) {
      return "a file system path";
    } else if (type.isEnum()) {
      return "one of " + constants(type, ", ");
    }
    return "a string";
  }

  private static String constants(Class<?> enumType, String separator) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(Object::toString)
        .collect(Collectors.joining(separator));
  }
}
