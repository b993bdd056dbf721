package io.aurora.server.client.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which credentials a command sends to a scheduler host, first match wins: {@code --auth-user} (with
 * the password in {@code --password-file}'s first line); the host's entry in {@code ~/.netrc},
 * else {@code ~/_netrc} (its {@code default} entry if no machine matches); none.
 */
public final class CredentialLookup {
  private final Optional<String> user;
  private final Optional<Path> passwordFile;
  private final Path home;

  /**
   * @param user {@code --auth-user}
   * @param passwordFile {@code --password-file}
   * @param home the directory holding {@code .netrc}
   */
  public CredentialLookup(Optional<String> user, Optional<Path> passwordFile, Path home) {
    this.user = Objects.requireNonNull(user, "user");
    this.passwordFile = Objects.requireNonNull(passwordFile, "passwordFile");
    this.home = Objects.requireNonNull(home, "home");
  }

  /**
   * The credentials for {@code host}.
   *
   * @throws IllegalArgumentException if {@code --auth-user} and {@code --password-file} do not go
   *     together or the password file cannot be read (the message names the file, never its text)
   */
  public Optional<BasicCredentials> forHost(String host) {
    if (user.isPresent() != passwordFile.isPresent()) {
      throw new IllegalArgumentException("--auth-user and --password-file go together");
    }
    if (user.isPresent()) {
      Path file = passwordFile.get();
      String password;
      try {
        password = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read --password-file " + file + " ("
            + e.getClass().getSimpleName() + ")");
      }
      return Optional.of(new BasicCredentials(user.get(), password, "--auth-user"));
    }
    for (String name : new String[] {".netrc", "_netrc"}) {
      Path netrc = home.resolve(name);
      if (Files.isRegularFile(netrc)) {
        try {
          return Netrc.parse(Files.readString(netrc, StandardCharsets.UTF_8))
              .forHost(host, "~/" + name);
        } catch (IOException | RuntimeException e) {
          return Optional.empty();   // as Aurora's client: an unreadable netrc means no credentials
        }
      }
    }
    return Optional.empty();
  }
}
