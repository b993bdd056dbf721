package io.aurora.server.client.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code .netrc} file's entries, read the way Aurora's client (Python's {@code netrc} through
 * requests) reads them: whitespace-separated tokens; {@code machine NAME} or {@code default}
 * starts an entry; {@code login}, {@code account} and {@code password} fill it; {@code macdef}
 * skips to the next blank line. The host is matched without its port, and {@code default}
 * applies when no machine matches; an empty login falls back to the account.
 */
public final class Netrc {
  private record Entry(String machine, String login, String account, String password) {}

  private final List<Entry> entries;

  private Netrc(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Parses a file's text; never fails (what does not parse is skipped, as Python's does not). */
  public static Netrc parse(String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("macdef")) {
        while (i + 1 < lines.length && !lines[i + 1].isBlank()) {
          i++;
        }
        continue;
      }
      for (String token : line.split("\\s+")) {
        if (!token.isEmpty()) {
          tokens.add(token);
        }
      }
    }
    String machine = null;
    String login = "";
    String account = "";
    String password = "";
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String value = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      switch (token) {
        case "machine":
        case "default":
          if (machine != null) {
            entries.add(new Entry(machine, login, account, password));
          }
          machine = token.equals("default") ? "" : value;
          login = "";
          account = "";
          password = "";
          if (token.equals("machine")) {
            i++;
          }
          break;
        case "login":
          login = value;
          i++;
          break;
        case "account":
          account = value;
          i++;
          break;
        case "password":
          password = value;
          i++;
          break;
        default:
          break;
      }
    }
    if (machine != null) {
      entries.add(new Entry(machine, login, account, password));
    }
    return new Netrc(entries);
  }

  /** The credentials for {@code host} (without a port), or the default entry's, if any. */
  public Optional<BasicCredentials> forHost(String host, String source) {
    Optional<Entry> entry = entries.stream().filter(e -> e.machine().equalsIgnoreCase(host))
        .findFirst()
        .or(() -> entries.stream().filter(e -> e.machine().isEmpty()).findFirst());
    return entry.flatMap(e -> {
      String user = e.login().isEmpty() ? e.account() : e.login();
      if (user.isEmpty() || user.contains(":")) {
        return Optional.empty();
      }
      return Optional.of(new BasicCredentials(user, e.password(), source));
    });
  }
}
