package io.aurora.scheduling.auth;

import io.aurora.gen.ResponseCode;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * One line per state-changing API call, allowed or refused:
 * {@code user=alice method=killTasks target=www-data/prod/hello result=OK}. The target is the job
 * key, the role of {@code setQuota}, the task of {@code forceTaskState}, or {@code -}. In the
 * daemon the lines go to the logger {@value #LOGGER_NAME}, which operators route to a file of its
 * own (docs/security.md). No credential ever reaches this class.
 */
public final class AuditLog {
  /** The logger the daemon's audit lines go to. */
  public static final String LOGGER_NAME = "io.aurora.audit";

  private final Consumer<String> sink;

  /** Lines go to {@code sink}. */
  public AuditLog(Consumer<String> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Lines go to the logger {@value #LOGGER_NAME} at INFO. */
  public static AuditLog toLogger() {
    return new AuditLog(LoggerFactory.getLogger(LOGGER_NAME)::info);
  }

  void record(String user, String method, String target, ResponseCode result) {
    sink.accept("user=" + printable(user) + " method=" + method + " target=" + printable(target)
        + " result=" + result);
  }

  /** Values come from callers: one line each, and no spaces that would fake another field. */
  private static String printable(String value) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), 200));
    value.codePoints().limit(200).forEach(c -> out.appendCodePoint(
        Character.isISOControl(c) || Character.isWhitespace(c) || c == '=' ? '?' : c));
    return out.toString();
  }
}
