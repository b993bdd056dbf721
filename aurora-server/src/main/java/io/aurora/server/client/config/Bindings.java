package io.aurora.server.client.config;

import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.config.jobschema.JobSchema;
import io.aurora.server.client.config.jobschema.Templates;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of {@code --bind NAME=VALUE}, filled into a job file's {@code {{NAME}}} references
 * before the file is parsed, whichever form it is in. Inside a JSON string the value is escaped
 * as JSON; outside one (such as {@code "instanceCount": {{count}}}) it is inserted as it is.
 *
 * <p>A reference left unbound is an error naming it, unless something later resolves it: a field
 * of Aurora's job schema ({@code {{role}}}, {@code {{task.name}}}, resolved when an Aurora job is
 * read), or a name the executor or Aurora's client binds ({@code mesos.*}, {@code thermos.*},
 * {@code docker.*}). {@code {{&NAME}}} is pystachio's escape for the literal text and stays.
 */
public record Bindings(Map<String, String> values) {
  /** No bindings. */
  public static final Bindings NONE = new Bindings(Map.of());

  private static final Pattern MUSTACHE = Pattern.compile("\\{\\{(&)?([^{}]+?)\\1?}}");
  private static final Set<String> RESOLVED_LATER = namesResolvedLater();

  public Bindings {
    values = Map.copyOf(values);
  }

  /**
   * Parses {@code --bind} values; a later binding of a name replaces an earlier one.
   *
   * @throws IllegalArgumentException when one is not {@code NAME=VALUE} with a reference name
   */
  public static Bindings parse(List<String> specs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--bind expects NAME=VALUE, got '" + spec + "'");
      }
      String name = spec.substring(0, eq).strip();
      Templates.steps(name);
      values.put(name, spec.substring(eq + 1));
    }
    return new Bindings(values);
  }

  /**
   * {@code text}, the contents of {@code file}, with every bound reference filled in.
   *
   * @throws ClientFailure with exit status 3 naming each reference nothing will bind
   */
  public String fill(String text, Path file) {
    StringBuilder out = new StringBuilder(text.length());
    Set<String> unbound = new LinkedHashSet<>();
    Matcher m = MUSTACHE.matcher(text);
    int at = 0;
    boolean inString = false;
    while (m.find()) {
      inString = scan(text, at, m.start(), inString);
      out.append(text, at, m.start());
      at = m.end();
      String name = m.group(2);
      String value = m.group(1) == null ? values.get(name) : null;
      if (value != null) {
        out.append(inString ? jsonEscaped(value) : value);
      } else {
        out.append(m.group());
        if (m.group(1) == null && !resolvedLater(name)) {
          unbound.add(m.group());
        }
      }
      inString = scan(text, m.start(), m.end(), inString);
    }
    out.append(text, at, text.length());
    if (!unbound.isEmpty()) {
      throw ClientFailure.invalidConfiguration(file + ": unbound variable"
          + (unbound.size() > 1 ? "s " : " ") + String.join(", ", unbound)
          + " (give a value with --bind NAME=VALUE)");
    }
    return out.toString();
  }

  private static boolean resolvedLater(String name) {
    try {
      return RESOLVED_LATER.contains(Templates.steps(name).get(0));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether the text up to {@code to} ends inside a JSON string, given the state at {@code from}. */
  private static boolean scan(String text, int from, int to, boolean inString) {
    boolean escaped = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (escaped) {
        escaped = false;
      } else if (inString && c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = !inString;
      }
    }
    return inString;
  }

  private static String jsonEscaped(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static Set<String> namesResolvedLater() {
    Set<String> names = new LinkedHashSet<>(JobSchema.fieldNames());
    names.addAll(List.of("mesos", "thermos", "docker", "self", "super"));
    return Set.copyOf(names);
  }
}
