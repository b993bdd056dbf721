package io.aurora.server.client.quota;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A RAM or disk amount as {@code set-quota} takes it, converted to whole MB (binary units, as in
 * Aurora: 1GB = 1024MB): a number and a unit, {@code 512MB}, {@code 4GB}, {@code 1.5TB}, or
 * Aurora's short forms {@code 10m}, {@code 4g}. The unit is required, so that {@code 4} cannot
 * silently mean 4 MB when 4 GB was meant.
 */
final class Megabytes {
  private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt])b?");
  static final String EXPECTED = "a size with a unit such as 512MB, 4GB or 1TB";

  private Megabytes() {}

  /**
   * The amount in MB.
   *
   * @throws IllegalArgumentException if the text is not a size, or not a whole number of MB
   */
  static long parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'");
    }
    double factor;
    switch (m.group(2)) {
      case "k": factor = 1.0 / 1024; break;
      case "m": factor = 1; break;
      case "g": factor = 1024; break;
      default: factor = 1024 * 1024; break;
    }
    double mb = Double.parseDouble(m.group(1)) * factor;
    if (mb > Long.MAX_VALUE / 2.0) {
      throw new IllegalArgumentException("size '" + text + "' is too large");
    }
    if (mb != Math.rint(mb)) {
      throw new IllegalArgumentException("size '" + text + "' is not a whole number of MB");
    }
    return (long) mb;
  }

  /** picocli's converter: a bad size is a usage error. */
  static final class Converter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
