package io.aurora.server.bench;

import java.util.Locale;

/**
 * The one JSON line a benchmark ends its summary with, for scripts: flat, keys in the order added,
 * numbers written with the given decimals in the root locale (so a German machine still writes
 * {@code 1.5}).
 *
 * <pre>{@code
 * out.println(JsonLine.bench("storage").add("tasks", 100_000).add("write_txn_per_sec", rate, 1));
 * }</pre>
 */
public final class JsonLine {
  private final StringBuilder json = new StringBuilder("{");

  private JsonLine() {}

  /** An empty object. */
  public static JsonLine of() {
    return new JsonLine();
  }

  /** An object whose first key is {@code "bench"}, naming the benchmark. */
  public static JsonLine bench(String name) {
    return of().add("bench", name);
  }

  /** Adds a string value, escaped. */
  public JsonLine add(String key, String value) {
    return raw(key, '"' + escape(value) + '"');
  }

  /** Adds an integer. */
  public JsonLine add(String key, long value) {
    return raw(key, Long.toString(value));
  }

  /** Adds a boolean. */
  public JsonLine add(String key, boolean value) {
    return raw(key, Boolean.toString(value));
  }

  /** Adds a number with {@code decimals} digits after the point. */
  public JsonLine add(String key, double value, int decimals) {
    return raw(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
  }

  private JsonLine raw(String key, String value) {
    if (json.length() > 1) {
      json.append(',');
    }
    json.append('"').append(escape(key)).append("\":").append(value);
    return this;
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The line, without a line break. */
  @Override
  public String toString() {
    return json + "}";
  }
}
