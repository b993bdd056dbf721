package io.aurora.server.client.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password for HTTP Basic.
 *
 * @param user the user name, not empty and without a colon
 * @param password the password
 * @param source where they came from, for messages ({@code ~/.netrc}, {@code --auth-user})
 */
public record BasicCredentials(String user, String password, String source) {
  public BasicCredentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(source, "source");
    if (user.isEmpty() || user.contains(":")) {
      throw new IllegalArgumentException("a user name must be non-empty and without ':' (from "
          + source + ")");
    }
  }

  /** The {@code Authorization} header's value. */
  public String header() {
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Never the password. */
  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + ", password=****, source=" + source + "]";
  }
}
