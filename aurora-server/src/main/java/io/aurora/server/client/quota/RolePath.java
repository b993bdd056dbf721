package io.aurora.server.client.quota;

import io.aurora.api.JobKeys;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A role as the command line names it, {@code CLUSTER/ROLE}; the cluster picks the scheduler. */
record RolePath(String cluster, String role) {
  RolePath {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(role, "role");
  }

  /**
   * Parses {@code CLUSTER/ROLE}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  static RolePath parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException("expected CLUSTER/ROLE, got '" + text + "'");
    }
    if (!JobKeys.isGoodIdentifier(parts[1])) {
      throw new IllegalArgumentException("'" + parts[1] + "' in '" + text
          + "' is not a valid role (letters, digits, '_', '-', '.')");
    }
    return new RolePath(parts[0], parts[1]);
  }

  @Override
  public String toString() {
    return cluster + "/" + role;
  }

  /** picocli's converter: a bad role path is a usage error. */
  static final class Converter implements ITypeConverter<RolePath> {
    @Override
    public RolePath convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
