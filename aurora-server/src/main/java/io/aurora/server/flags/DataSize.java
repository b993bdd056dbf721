package io.aurora.server.flags;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of data written the way Aurora's flags write it: {@code 512KB}, {@code 128MB},
 * {@code 1GB}. Units are binary (1KB = 1024 bytes), as in Aurora.
 *
 * @param bytes the size in bytes, never negative
 */
public record DataSize(long bytes) {
  /** What a size flag expects, for error messages and help. */
  public static final String EXPECTED = "a data size such as 512KB, 128MB or 1GB";

  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,18})\\s*([a-z]*)");
  private static final String[] SUFFIXES = {"B", "KB", "MB", "GB", "TB"};

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a data size cannot be negative: " + bytes);
    }
  }

  /** The given number of bytes. */
  public static DataSize ofBytes(long bytes) {
    return new DataSize(bytes);
  }

  /** The given number of mebibytes ("MB" in Aurora's flags). */
  public static DataSize ofMegabytes(long megabytes) {
    return new DataSize(Math.multiplyExact(megabytes, 1L << 20));
  }

  /**
   * Parses a size such as {@code 128MB}; a plain number or {@code B} means bytes.
   *
   * @throws IllegalArgumentException if the text is not a whole number followed by B, KB, MB, GB or TB
   */
  public static DataSize parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
    int shift = m.matches() ? shiftOf(m.group(2)) : -1;
    if (shift < 0) {
      throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    if (amount > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("data size '" + text + "' is too large");
    }
    return new DataSize(amount << shift);
  }

  private static int shiftOf(String unit) {
    switch (unit) {
      case "": case "b": return 0;
      case "kb": return 10;
      case "mb": return 20;
      case "gb": return 30;
      case "tb": return 40;
      default: return -1;
    }
  }

  /** The size in the largest unit that represents it exactly, e.g. {@code 128MB}. */
  @Override
  public String toString() {
    int unit = 0;
    long amount = bytes;
    while (unit < SUFFIXES.length - 1 && amount != 0 && amount % 1024 == 0) {
      amount /= 1024;
      unit++;
    }
    return amount + SUFFIXES[unit];
  }
}
