package io.aurora.server.flags;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Parses Aurora-style command lines with picocli: {@code -name=value} or {@code -name value};
 * booleans as {@code -name}, {@code -name=true} or {@code -name=false} (declare them with
 * {@code arity = "0..1"}); durations, data sizes, and lists split on commas. A later occurrence of
 * a flag overrides an earlier one, as in Aurora. {@code @file} arguments are not expanded.
 */
public final class FlagParser {
  private final String ownGroupTitle;

  /**
   * @param ownGroupTitle the group title for flags declared directly on the root object rather than
   *     in a {@link FlagGroup} mixin
   */
  public FlagParser(String ownGroupTitle) {
    this.ownGroupTitle = ownGroupTitle;
  }

  /**
   * Parses {@code args} into the annotated {@code root} object.
   *
   * <p>Never throws for a bad command line: every mistake becomes a {@link ParseResult.Invalid}.
   */
  public ParseResult parse(Object root, String... args) {
    CommandLine cl = commandLine(root);
    FlagSet flags = FlagSet.of(cl.getCommandSpec(), ownGroupTitle);
    ParameterException error = null;
    try {
      cl.parseArgs(args);
    } catch (ParameterException e) {
      error = e;
    }
    if (cl.isUsageHelpRequested()) {
      return new ParseResult.HelpRequested(flags);
    }
    // An unknown flag is reported before missing required ones: it is usually the cause (a typo).
    if (!cl.getUnmatchedArguments().isEmpty()) {
      return new ParseResult.Invalid(FlagErrors.unmatched(cl.getUnmatchedArguments(), flags));
    }
    return error == null ? new ParseResult.Parsed(flags) : new ParseResult.Invalid(FlagErrors.describe(error));
  }

  /** The definitions of {@code root}'s flags with their default values, without parsing anything. */
  public FlagSet describe(Object root) {
    CommandLine cl = commandLine(root);
    try {
      cl.parseArgs();
    } catch (ParameterException e) {
      // Only missing required flags can fail here; their definitions are still complete.
    }
    return FlagSet.of(cl.getCommandSpec(), ownGroupTitle);
  }

  private static CommandLine commandLine(Object root) {
    CommandSpec spec = CommandSpec.forAnnotatedObject(root);
    spec.addOption(
        OptionSpec.builder("-help", "-h", "--help")
            .usageHelp(true)
            .description("Print every flag with its default and a description, then exit.")
            .build());
    CommandLine cl = new CommandLine(spec);
    cl.registerConverter(Duration.class, DurationFormat::parse);
    cl.registerConverter(DataSize.class, DataSize::parse);
    cl.setPosixClusteredShortOptionsAllowed(false);
    cl.setOverwrittenOptionsAllowed(true);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExpandAtFiles(false);
    cl.setAbbreviatedOptionsAllowed(false);
    cl.setToggleBooleanFlags(false);
    // Collected rather than thrown, so that they can be reported first (see parse).
    cl.setUnmatchedArgumentsAllowed(true);
    return cl;
  }
}
