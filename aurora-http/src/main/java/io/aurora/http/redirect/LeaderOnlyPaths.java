package io.aurora.http.redirect;

import java.util.List;
import java.util.Objects;

/**
 * Which request paths only the leader serves. A path matches an entry when it equals it or
 * continues it with {@code /} ({@code /api} matches {@code /api} and {@code /api/x}, but not
 * {@code /apiclient}); {@code /assets/scheduler} matches any continuation, as the UI bundle's
 * files sit beside it. Everything else ({@code /health}, {@code /vars}, ...) is served locally.
 */
public final class LeaderOnlyPaths {
  /** Aurora's list of leader-only pages. */
  public static final List<String> AURORA =
      List.of(
          "/agents", "/api", "/apibeta", "/cron", "/maintenance", "/mname", "/offers",
          "/pendingtasks", "/quotas", "/slaves", "/state", "/tiers", "/utilization");

  /**
   * The UI's pages, which Aurora served from {@code /assets/scheduler} and so sent to the leader:
   * a follower's UI would show a standby's view, and its scripts could not follow a redirect of
   * their own requests to another host.
   */
  public static final List<String> UI = List.of("/scheduler", "/updates");

  private static final String ASSETS_PREFIX = "/assets/scheduler";

  private final List<String> paths;

  /** Aurora's leader-only pages, the UI's pages, and {@code /assets/scheduler...}. */
  public LeaderOnlyPaths() {
    this(java.util.stream.Stream.concat(AURORA.stream(), UI.stream()).toList());
  }

  /** The given exact-or-subpath entries plus {@code /assets/scheduler...}. */
  public LeaderOnlyPaths(List<String> paths) {
    this.paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
  }

  /** Whether a follower must redirect a request for {@code path}. */
  public boolean matches(String path) {
    if (path.startsWith(ASSETS_PREFIX)) {
      return true;
    }
    for (String p : paths) {
      if (path.equals(p) || (path.startsWith(p) && path.charAt(p.length()) == '/')) {
        return true;
      }
    }
    return false;
  }
}
