package io.aurora.server.client.config.jobschema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mustache templates as pystachio reads them: {@code {{ref}}} is a reference, {@code {{&ref}}} is
 * the literal text {@code {{ref}}}, and a reference is an address such as {@code task.name},
 * {@code processes[0].name} or {@code thermos.ports[http]}: a name, then {@code .name} and {@code
 * [key]} steps.
 */
public final class Templates {
  /** pystachio's pattern: no braces inside, an optional {@code &} before (and after) the name. */
  private static final Pattern MUSTACHE = Pattern.compile("\\{\\{(&)?([^{}]+?)\\1?}}");

  private Templates() {}

  /** A piece of a template. */
  public sealed interface Part permits Literal, Reference {}

  /** Text taken as it is. */
  public record Literal(String text) implements Part {
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A {@code {{address}}} reference. */
  public record Reference(String address) implements Part {
    public Reference {
      Objects.requireNonNull(address, "address");
    }

    /** The reference as written: {@code {{address}}}. */
    public String text() {
      return "{{" + address + "}}";
    }

    /** The steps of the address: {@code a.b[c]} is {@code a}, {@code b}, {@code c}. */
    public List<String> steps() {
      return Templates.steps(address);
    }

    /** The first step, the name looked up in scope. */
    public String head() {
      return steps().get(0);
    }
  }

  /** Whether {@code text} holds a reference (escaped ones count too: they are not plain text). */
  public static boolean hasReference(String text) {
    return MUSTACHE.matcher(text).find();
  }

  /** Splits {@code text} into literal text and references, in order. */
  public static List<Part> split(String text) {
    List<Part> parts = new ArrayList<>();
    Matcher m = MUSTACHE.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        parts.add(new Literal(text.substring(at, m.start())));
      }
      parts.add(m.group(1) != null ? new Literal("{{" + m.group(2) + "}}")
          : new Reference(m.group(2)));
      at = m.end();
    }
    if (at < text.length()) {
      parts.add(new Literal(text.substring(at)));
    }
    return parts;
  }

  /**
   * The steps of {@code address}: {@code thermos.ports[http]} is {@code thermos}, {@code ports},
   * {@code http}.
   *
   * @throws IllegalArgumentException when it is not an address
   */
  public static List<String> steps(String address) {
    List<String> steps = new ArrayList<>();
    int i = 0;
    int n = address.length();
    boolean first = true;
    while (i < n) {
      char c = address.charAt(i);
      if (c == '[') {
        int close = address.indexOf(']', i);
        if (close < 0 || close == i + 1 || first) {
          throw bad(address);
        }
        steps.add(address.substring(i + 1, close));
        i = close + 1;
      } else {
        if (!first) {
          if (c != '.') {
            throw bad(address);
          }
          i++;
        }
        int end = i;
        while (end < n && address.charAt(end) != '.' && address.charAt(end) != '[') {
          end++;
        }
        String name = address.substring(i, end);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
          throw bad(address);
        }
        steps.add(name);
        i = end;
      }
      first = false;
    }
    if (steps.isEmpty()) {
      throw bad(address);
    }
    return steps;
  }

  private static IllegalArgumentException bad(String address) {
    return new IllegalArgumentException("'{{" + address + "}}' is not a reference pystachio can "
        + "read (a name, then .name or [key] steps)");
  }
}
