package io.aurora.server.flags;

import java.util.Objects;

/** What {@link FlagParser} made of a command line. */
public sealed interface ParseResult {
  /** The arguments parsed and every value converted. */
  record Parsed(FlagSet flags) implements ParseResult {
    public Parsed {
      Objects.requireNonNull(flags, "flags");
    }
  }

  /** {@code -help}, {@code -h} or {@code --help} was given; the flags hold their defaults. */
  record HelpRequested(FlagSet flags) implements ParseResult {
    public HelpRequested {
      Objects.requireNonNull(flags, "flags");
    }
  }

  /**
   * The command line is wrong.
   *
   * @param message one line naming the flag and what was expected
   */
  record Invalid(String message) implements ParseResult {
    public Invalid {
      Objects.requireNonNull(message, "message");
      if (message.contains("\n")) {
        throw new IllegalArgumentException("an error message is one line: " + message);
      }
    }
  }
}
