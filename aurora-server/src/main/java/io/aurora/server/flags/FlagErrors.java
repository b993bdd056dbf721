package io.aurora.server.flags;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** Turns picocli's parse errors into one line that names the flag and what it expected. */
final class FlagErrors {
  private static final String SEE_HELP = "run with -help to list every flag";

  private FlagErrors() {}

  static String describe(ParameterException e) {
    if (e instanceof MissingParameterException) {
      return missing((MissingParameterException) e);
    }
    ArgSpec arg = e.getArgSpec();
    if (arg instanceof OptionSpec) {
      String name = ((OptionSpec) arg).longestName();
      String value = e.getValue();
      return "flag " + name + ": expected " + FlagType.expected(arg)
          + (value == null ? "" : ", got '" + value + "'");
    }
    return firstLine(e.getMessage()) + " (" + SEE_HELP + ")";
  }

  /** Describes the first argument that matched no flag, suggesting the closest flag name. */
  static String unmatched(List<String> unmatched, FlagSet flags) {
    String arg = unmatched.isEmpty() ? "?" : unmatched.get(0);
    if (!arg.startsWith("-")) {
      return "unexpected argument '" + arg + "': flags are written -name=value (" + SEE_HELP + ")";
    }
    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    String hint = closest(name, flags).map(s -> "; did you mean " + s + "?").orElse("");
    return "unknown flag " + name + hint + " (" + SEE_HELP + ")";
  }

  private static Optional<String> closest(String name, FlagSet flags) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (FlagDefinition d : flags.definitions()) {
      int distance = editDistance(name, d.name());
      if (distance < bestDistance) {
        best = d.name();
        bestDistance = distance;
      }
    }
    // Only close matches help; a far one would be noise.
    boolean close = bestDistance <= Math.max(2, name.length() / 4) && bestDistance < name.length() / 2;
    return close ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String missing(MissingParameterException e) {
    List<ArgSpec> missing = e.getMissing();
    boolean flagsMissing = e.getMessage() != null && e.getMessage().startsWith("Missing required option");
    if (flagsMissing && !missing.isEmpty()) {
      String names = missing.stream()
          .filter(OptionSpec.class::isInstance)
          .map(a -> ((OptionSpec) a).longestName())
          .collect(Collectors.joining(", "));
      return (missing.size() == 1 ? "missing required flag " : "missing required flags ") + names
          + " (" + SEE_HELP + ")";
    }
    ArgSpec arg = e.getArgSpec() != null ? e.getArgSpec() : missing.isEmpty() ? null : missing.get(0);
    if (arg instanceof OptionSpec) {
      return "flag " + ((OptionSpec) arg).longestName() + " needs a value: expected "
          + FlagType.expected(arg);
    }
    return firstLine(e.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid command line";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
