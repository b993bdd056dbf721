package io.aurora.http.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What {@code /api} sends back for one request.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} of {@code body}
 * @param body the bytes to send (a Thrift reply, or a text message for errors)
 */
public record ApiResponse(int status, String contentType, byte[] body) {
  private static final String TEXT = "text/plain; charset=utf-8";

  /** Checks nulls; the body array is owned by the record from here on. */
  public ApiResponse {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }

  /** An error with a one-line text message (a newline is appended). */
  public static ApiResponse error(int status, String message) {
    return new ApiResponse(status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The body decoded as UTF-8, for messages and tests. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
