package io.aurora.server.zk;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * ZooKeeper digest credentials, given to the daemon as {@code
 * -zk_digest_credentials=user:password}.
 *
 * @param user the user name, not empty and without a colon
 * @param password the password, not empty (it may contain colons)
 */
public record DigestCredentials(String user, String password) {

  /** The ZooKeeper authentication scheme these credentials are for. */
  public static final String SCHEME = "digest";

  public DigestCredentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.isEmpty() || user.contains(":")) {
      throw new IllegalArgumentException(
          "ZooKeeper digest user must be non-empty without ':': '" + user + "'");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException(
          "ZooKeeper digest password for user '" + user + "' is empty");
    }
  }

  /**
   * Parses {@code user:password}; the first colon separates the two.
   *
   * @throws IllegalArgumentException if there is no colon or either part is empty
   */
  public static DigestCredentials parse(String userColonPassword) {
    Objects.requireNonNull(userColonPassword, "userColonPassword");
    int colon = userColonPassword.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "ZooKeeper digest credentials must look like user:password");
    }
    return new DigestCredentials(
        userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
  }

  /** The bytes ZooKeeper's digest scheme expects: {@code user:password} in UTF-8. */
  public byte[] authBytes() {
    return (user + ":" + password).getBytes(StandardCharsets.UTF_8);
  }

  /** Never prints the password: these records end up in logs and on {@code /vars}. */
  @Override
  public String toString() {
    return "DigestCredentials[user=" + user + ", password=****]";
  }
}
