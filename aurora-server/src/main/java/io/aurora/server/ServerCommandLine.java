package io.aurora.server;

import io.aurora.server.flags.DurationFormat;
import io.aurora.server.flags.FlagSet;
import io.aurora.server.flags.HelpText;
import io.aurora.server.flags.ParseResult;
import io.aurora.server.flags.ServerFlags;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code aurora-scheduler}'s command line into options, help text or one error line. */
public final class ServerCommandLine {
  /** The first line of {@code -help}. */
  static final String USAGE = "Usage: aurora-scheduler -flag=value ...";

  /** What the command line asks for. */
  public sealed interface Outcome {}

  /** Run the scheduler with these options. */
  public record Run(ServerOptions options) implements Outcome {
    public Run {
      Objects.requireNonNull(options, "options");
    }
  }

  /** Print this help text and exit 0. */
  public record Help(String text) implements Outcome {
    public Help {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Print this one line and exit 1. */
  public record Fail(String message) implements Outcome {
    public Fail {
      Objects.requireNonNull(message, "message");
    }
  }

  private ServerCommandLine() {}

  /** Parses, converts and validates {@code args}; never throws for a bad command line. */
  public static Outcome parse(String... args) {
    ParseResult result = ServerFlags.parser().parse(new ServerFlags(), args);
    if (result instanceof ParseResult.HelpRequested) {
      return new Help(HelpText.render(USAGE, ((ParseResult.HelpRequested) result).flags()));
    }
    if (result instanceof ParseResult.Invalid) {
      return new Fail(((ParseResult.Invalid) result).message());
    }
    FlagSet flags = ((ParseResult.Parsed) result).flags();
    try {
      return new Run(ServerOptions.from(flags));
    } catch (IllegalArgumentException e) {
      return new Fail(oneLine(e.getMessage()));
    }
  }

  /** The definitions and defaults of every scheduler flag. */
  public static FlagSet definitions() {
    return ServerFlags.parser().describe(new ServerFlags());
  }

  // Option records write durations the java.time way (PT5M); operators wrote 5mins.
  private static final Pattern ISO_DURATION = Pattern.compile("PT-?[0-9.HMS-]+");

  private static String oneLine(String message) {
    if (message == null) {
      return "invalid flags";
    }
    Matcher m = ISO_DURATION.matcher(message.replace('\n', ' '));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      try {
        replacement = DurationFormat.format(Duration.parse(m.group()));
      } catch (DateTimeParseException e) {
        replacement = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
