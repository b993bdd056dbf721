package io.aurora.server.client.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in a file the user wrote (a job file, a clusters.json), said in plain words
 * with the file, line and column, and without the parser's internals (its source descriptions,
 * character codes and feature names).
 */
public final class JsonSyntax {
  private static final Pattern SOURCE_MARKER =
      Pattern.compile("\\s*\\(start marker at \\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]\\)");
  private static final Pattern SOURCE = Pattern.compile("\\s*\\[Source: [^\\]]*\\]");
  private static final Pattern CODE = Pattern.compile("\\('(.)' \\(code \\d+\\)\\)");
  private static final Pattern CHAR_CODE = Pattern.compile(" \\(code \\d+\\)");

  private JsonSyntax() {}

  /** {@code "<file>, line L, column C: <what is wrong>"}. */
  public static String describe(Path file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 0 ? file.toString()
        : file + ", line " + at.getLineNr() + ", column " + at.getColumnNr();
    return where + ": not valid JSON: " + plain(e);
  }

  /** The parser's message without its internals. */
  static String plain(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof JsonEOFException) {
      Matcher start = SOURCE_MARKER.matcher(message);
      return start.find()
          ? "the file ends inside the object or array opened at line " + start.group(1)
              + ", column " + start.group(2) + " (a closing } or ] is missing)"
          : "the file ends before the JSON is complete";
    }
    message = SOURCE_MARKER.matcher(message).replaceAll("");
    message = SOURCE.matcher(message).replaceAll("");
    message = CODE.matcher(message).replaceAll("'$1'");
    message = CHAR_CODE.matcher(message).replaceAll("");
    return message.replace("Unexpected character", "unexpected character")
        .replace("Unrecognized token", "unexpected word");
  }
}
