package io.aurora.server.flags;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aurora's way of writing a duration: a whole number followed by a unit, such as {@code 1ms},
 * {@code 30secs}, {@code 5mins}, {@code 1hrs} or {@code 21days}. The singular forms ({@code 1sec},
 * {@code 1min}, {@code 1hr}, {@code 1day}) and a space before the unit are accepted too.
 */
public final class DurationFormat {
  /** What a duration flag expects, for error messages and help. */
  public static final String EXPECTED = "a duration such as 1ms, 30secs, 5mins, 1hrs or 21days";

  private static final Pattern SYNTAX = Pattern.compile("(-?\\d{1,18})\\s*([a-z]+)");

  private enum Unit {
    DAYS("days", Duration.ofDays(1)),
    HOURS("hrs", Duration.ofHours(1)),
    MINUTES("mins", Duration.ofMinutes(1)),
    SECONDS("secs", Duration.ofSeconds(1)),
    MILLIS("ms", Duration.ofMillis(1));

    final String suffix;
    final Duration length;

    Unit(String suffix, Duration length) {
      this.suffix = suffix;
      this.length = length;
    }

    static Unit of(String suffix) {
      switch (suffix) {
        case "ms": case "msec": case "msecs": return MILLIS;
        case "sec": case "secs": return SECONDS;
        case "min": case "mins": return MINUTES;
        case "hr": case "hrs": case "hour": case "hours": return HOURS;
        case "day": case "days": return DAYS;
        default: return null;
      }
    }
  }

  private DurationFormat() {}

  /**
   * Parses {@code text}; negative amounts parse (option records decide whether they make sense).
   *
   * @throws IllegalArgumentException if the text is not a number followed by a known unit
   */
  public static Duration parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
    Unit unit = m.matches() ? Unit.of(m.group(2)) : null;
    if (unit == null) {
      throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'");
    }
    try {
      return unit.length.multipliedBy(Long.parseLong(m.group(1)));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration '" + text + "' is too large");
    }
  }

  /** Writes {@code d} in the largest unit that represents it exactly, e.g. {@code 60mins -> 1hrs}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0secs";
    }
    for (Unit unit : Unit.values()) {
      long amount = d.dividedBy(unit.length);
      if (unit.length.multipliedBy(amount).equals(d)) {
        return amount + unit.suffix;
      }
    }
    return d.toNanos() + "ns";
  }

}
