package io.aurora.server.flags;

import java.util.List;

/** Renders {@code -help}: every flag on one line with its default and description, by group. */
public final class HelpText {
  private HelpText() {}

  /**
   * @param usage the first line, e.g. "Usage: aurora-scheduler [-flag=value ...]"
   * @param flags the flags to list
   */
  public static String render(String usage, FlagSet flags) {
    List<FlagDefinition> definitions = flags.definitions();
    int width = 0;
    for (FlagDefinition d : definitions) {
      width = Math.max(width, d.usage().length());
    }
    StringBuilder out = new StringBuilder();
    out.append(usage).append('\n');
    out.append("Flags are written -name=value or -name value; booleans as -name or -name=false.\n");
    out.append("Durations: 1ms, 30secs, 5mins, 1hrs, 21days. Sizes: 512KB, 128MB, 1GB. "
        + "Lists: comma-separated.\n");
    out.append("  ").append(pad("-help", width)).append("  Print this list and exit.\n");
    for (String group : flags.groups()) {
      out.append('\n').append(group).append(":\n");
      for (FlagDefinition d : definitions) {
        if (d.group().equals(group)) {
          out.append("  ").append(pad(d.usage(), width))
              .append("  [").append(d.defaultText()).append("] ")
              .append(d.description()).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
