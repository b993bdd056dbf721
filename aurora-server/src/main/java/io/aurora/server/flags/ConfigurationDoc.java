package io.aurora.server.flags;

/**
 * Renders the flag reference, {@code docs/configuration.md}, from the flag definitions, so the
 * document cannot drift from the code (a test compares the committed file with this output).
 */
public final class ConfigurationDoc {
  private ConfigurationDoc() {}

  /** The whole Markdown document. */
  public static String render(FlagSet flags) {
    StringBuilder out = new StringBuilder();
    out.append("# Scheduler configuration\n\n")
        .append("<!-- Generated from the flag definitions in aurora-server (io.aurora.server.flags).\n")
        .append("     Do not edit by hand: change the flag and run\n")
        .append("     ./mvnw -B -q -pl aurora-server -am test -Dtest=ConfigurationDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Daurora.docs.regenerate=true -->\n\n")
        .append("`bin/aurora-scheduler` takes Aurora-style flags. Each flag is written `-name=value` or\n")
        .append("`-name value`; a boolean flag alone (`-zk_in_proc`) means true, and `-name=false` turns\n")
        .append("it off. If a flag appears twice, the last value wins.\n\n")
        .append("- Durations are a whole number and a unit: `1ms`, `30secs`, `5mins`, `1hrs`, `21days`.\n")
        .append("- Data sizes use binary units: `512KB`, `128MB`, `1GB` (1KB = 1024 bytes).\n")
        .append("- Lists are comma-separated: `-offer_order=CPU,MEMORY`.\n\n")
        .append("`bin/aurora-scheduler -help` prints the same list. A mistake (an unknown flag, a value\n")
        .append("that does not parse, a missing required flag, or values that contradict each other)\n")
        .append("stops the scheduler with exit status 1 and one line naming the flag.\n\n")
        .append("Flags marked *not yet used* are accepted so that existing Aurora command lines keep\n")
        .append("working; their help says which feature will read them.\n");
    for (String group : flags.groups()) {
      out.append("\n## ").append(group).append("\n\n")
          .append("| Flag | Default | Description |\n")
          .append("|---|---|---|\n");
      for (FlagDefinition d : flags.definitions()) {
        if (d.group().equals(group)) {
          out.append("| `").append(escape(d.usage())).append("` | ")
              .append(d.required() ? "**required**" : "`" + escape(d.defaultText()) + "`")
              .append(" | ").append(escape(d.description())).append(" |\n");
        }
      }
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
