package io.aurora.server.client.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where Aurora's client looks for {@code clusters.json}, in order: {@code
 * $AURORA_CONFIG_ROOT/clusters.json} when that variable is set and not empty, else {@code
 * /etc/aurora/clusters.json}; then {@code ~/.aurora/clusters.json}. A cluster in a later file
 * replaces one of the same name in an earlier file; a file that does not exist is skipped.
 */
public final class ClusterFiles {
  /** The variable that moves the system-wide file. */
  public static final String CONFIG_ROOT = "AURORA_CONFIG_ROOT";
  /** The system-wide directory when {@value #CONFIG_ROOT} is not set. */
  public static final Path SYSTEM_ROOT = Path.of("/etc/aurora");
  /** The file's name in each directory. */
  public static final String FILE_NAME = "clusters.json";

  private ClusterFiles() {}

  /**
   * The files to read, in order.
   *
   * @param env the process environment ({@value #CONFIG_ROOT}, {@code HOME})
   * @param userHome the home directory when {@code HOME} is not set
   */
  public static List<Path> locations(Map<String, String> env, Path userHome) {
    String root = env.get(CONFIG_ROOT);
    Path system = root == null || root.isEmpty() ? SYSTEM_ROOT : Path.of(root);
    String home = env.get("HOME");
    Path user = home == null || home.isEmpty() ? userHome : Path.of(home);
    return List.of(system.resolve(FILE_NAME), user.resolve(".aurora").resolve(FILE_NAME));
  }

  /** Reads the files at {@link #locations}. */
  public static Clusters load(Map<String, String> env, Path userHome) {
    return Clusters.read(locations(env, userHome));
  }
}
