package io.aurora.api;

import io.aurora.gen.JobKey;
import io.aurora.gen.apiConstants;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validation, construction and the canonical text form of {@link JobKey}s.
 *
 * <p>The canonical form is {@code role/environment/name}, the form Aurora's clients print and
 * accept. Each component must match {@link apiConstants#GOOD_IDENTIFIER_PATTERN_JVM}; since the
 * pattern excludes {@code /}, the text form parses back unambiguously.
 */
public final class JobKeys {

  /** Compiled {@link apiConstants#GOOD_IDENTIFIER_PATTERN_JVM}. */
  public static final Pattern GOOD_IDENTIFIER =
      Pattern.compile(apiConstants.GOOD_IDENTIFIER_PATTERN_JVM);

  private JobKeys() {}

  /** Whether {@code value} is a usable role, environment or job name. */
  public static boolean isGoodIdentifier(String value) {
    return value != null && GOOD_IDENTIFIER.matcher(value).matches();
  }

  /** Whether every component of {@code key} is set and a good identifier. */
  public static boolean isValid(JobKey key) {
    return key != null
        && isGoodIdentifier(key.getRole())
        && isGoodIdentifier(key.getEnvironment())
        && isGoodIdentifier(key.getName());
  }

  /**
   * Returns {@code key} if it is valid.
   *
   * @throws IllegalArgumentException naming the first bad component and its value
   */
  public static JobKey validate(JobKey key) {
    if (key == null) {
      throw new IllegalArgumentException("job key is missing");
    }
    checkComponent("role", key.getRole());
    checkComponent("environment", key.getEnvironment());
    checkComponent("name", key.getName());
    return key;
  }

  /**
   * Builds a validated key.
   *
   * @throws IllegalArgumentException naming the first bad component and its value
   */
  public static JobKey from(String role, String environment, String name) {
    return validate(new JobKey(role, environment, name));
  }

  /** The canonical {@code role/environment/name} form of a valid key. */
  public static String canonicalString(JobKey key) {
    validate(key);
    return key.getRole() + "/" + key.getEnvironment() + "/" + key.getName();
  }

  /**
   * Parses the canonical {@code role/environment/name} form.
   *
   * @throws IllegalArgumentException if the text does not have three components or one of them is
   *     not a good identifier
   */
  public static JobKey parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.split("/", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "job key '" + text + "' must have the form role/environment/name");
    }
    return from(parts[0], parts[1], parts[2]);
  }

  private static void checkComponent(String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException("job key " + field + " is missing");
    }
    if (!isGoodIdentifier(value)) {
      throw new IllegalArgumentException(
          "job key " + field + " '" + value + "' must match " + GOOD_IDENTIFIER.pattern());
    }
  }
}
