package io.aurora.server.client.cli;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobKey;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A job as the command line names it, {@code CLUSTER/ROLE/ENV/NAME}. Role, environment and name
 * must be good identifiers; the cluster only picks the scheduler.
 */
public record JobPath(String cluster, String role, String environment, String name) {
  public JobPath {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Parses {@code CLUSTER/ROLE/ENV/NAME}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static JobPath parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 4 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("expected CLUSTER/ROLE/ENV/NAME, got '" + text + "'");
    }
    return of(parts[0], parts[1], parts[2], parts[3], text);
  }

  /** A job path from its parts; {@code text} is what the user typed, for the error message. */
  static JobPath of(String cluster, String role, String environment, String name, String text) {
    for (String part : new String[] {role, environment, name}) {
      if (!JobKeys.isGoodIdentifier(part)) {
        throw new IllegalArgumentException("'" + part + "' in '" + text
            + "' is not a valid role, environment or name (letters, digits, '_', '-', '.')");
      }
    }
    return new JobPath(cluster, role, environment, name);
  }

  /** A fresh Thrift key of this job. */
  public JobKey jobKey() {
    return new JobKey(role, environment, name);
  }

  /** {@code ROLE/ENV/NAME}, the form the scheduler uses. */
  public String job() {
    return role + "/" + environment + "/" + name;
  }

  @Override
  public String toString() {
    return cluster + "/" + job();
  }

  /** picocli's converter: a bad job path is a usage error. */
  public static final class Converter implements ITypeConverter<JobPath> {
    @Override
    public JobPath convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
