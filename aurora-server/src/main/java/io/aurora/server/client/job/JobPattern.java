package io.aurora.server.client.job;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobKey;
import io.aurora.server.client.cli.JobPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Jobs as {@code job list} and {@code job status} take them, like Aurora's client: {@code
 * CLUSTER[/ROLE[/ENV[/NAME]]]}, where a missing part matches everything and the role, environment
 * and name may hold shell-style wildcards ({@code *} any text, {@code ?} one character). The
 * cluster picks the scheduler and takes no wildcard.
 *
 * @param role the role's text, empty when not given (also empty means "any")
 */
record JobPattern(String cluster, Optional<String> role, Optional<String> environment,
    Optional<String> name) {
  private static final Pattern WILDCARD_PART = Pattern.compile("[\\w\\-.*?]+");

  JobPattern {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Parses {@code CLUSTER[/ROLE[/ENV[/NAME]]]}.
   *
   * @throws IllegalArgumentException naming the text and its bad part
   */
  static JobPattern parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length > 4 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(
          "expected CLUSTER[/ROLE[/ENV[/NAME]]], got '" + text + "'");
    }
    List<Optional<String>> rest = new ArrayList<>();
    for (int i = 1; i < 4; i++) {
      if (i < parts.length && !WILDCARD_PART.matcher(parts[i]).matches()) {
        throw new IllegalArgumentException("'" + parts[i] + "' in '" + text + "' is not a valid "
            + "role, environment or name (letters, digits, '_', '-', '.', wildcards '*' and '?')");
      }
      rest.add(i < parts.length ? Optional.of(parts[i]) : Optional.empty());
    }
    return new JobPattern(parts[0], rest.get(0), rest.get(1), rest.get(2));
  }

  /** The role to ask the scheduler for: the role when it is given without wildcards. */
  Optional<String> exactRole() {
    return role.filter(JobKeys::isGoodIdentifier);
  }

  /** The one job this names when every part is given without wildcards. */
  Optional<JobPath> exactJob() {
    if (role.isPresent() && environment.isPresent() && name.isPresent()
        && JobKeys.isGoodIdentifier(role.get()) && JobKeys.isGoodIdentifier(environment.get())
        && JobKeys.isGoodIdentifier(name.get())) {
      return Optional.of(new JobPath(cluster, role.get(), environment.get(), name.get()));
    }
    return Optional.empty();
  }

  /** Whether {@code key} is one of the jobs this names. */
  boolean matches(JobKey key) {
    return matches(role, key.getRole()) && matches(environment, key.getEnvironment())
        && matches(name, key.getName());
  }

  private static boolean matches(Optional<String> glob, String value) {
    return glob.isEmpty() || regex(glob.get()).matcher(value).matches();
  }

  private static Pattern regex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(cluster);
    for (Optional<String> part : List.of(role, environment, name)) {
      part.ifPresent(p -> text.append('/').append(p));
    }
    return text.toString();
  }

  /** picocli's converter: a bad pattern is a usage error. */
  static final class Converter implements ITypeConverter<JobPattern> {
    @Override
    public JobPattern convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
