package io.aurora.server.flags;

import java.util.Objects;
import java.util.Optional;

/**
 * One flag as declared: what help and the configuration reference print about it.
 *
 * @param group the title of the flag's group
 * @param name the flag, with its leading dash, e.g. {@code -http_port}
 * @param valueLabel how a value is written, e.g. {@code <duration>}; empty for a boolean
 * @param defaultValue the default as written on the command line, if there is one
 * @param description one line
 * @param required whether the flag must be given
 */
public record FlagDefinition(
    String group,
    String name,
    String valueLabel,
    Optional<String> defaultValue,
    String description,
    boolean required) {
  public FlagDefinition {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valueLabel, "valueLabel");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }

  /** How help and docs show the default: the value, "required", or "unset". */
  public String defaultText() {
    if (required) {
      return "required";
    }
    return defaultValue.map(v -> v.isEmpty() ? "\"\"" : v).orElse("unset");
  }

  /** The flag with its value placeholder, e.g. {@code -http_port=<int>}, or just the name for a boolean. */
  public String usage() {
    return valueLabel.equals("<bool>") ? name + "[=<bool>]" : name + "=" + valueLabel;
  }
}
