package io.aurora.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.server.client.cluster.ClusterFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which scheduler a cluster name reaches: the options, then clusters.json, then local. */
class ClusterConnectionTest {
  @TempDir
  Path dir;

  @Test
  void aClusterWithASchedulerUri_reachesItsApi() throws Exception {
    clusters("[{\"name\":\"dev\",\"scheduler_uri\":\"http://dev.example:8081\"},"
        + "{\"name\":\"sub\",\"scheduler_uri\":\"https://h.example/aurora/\"},"
        + "{\"name\":\"bare\",\"scheduler_uri\":\"http://h.example/aurora\"}]");

    assertThat(target("dev").api()).isEqualTo(URI.create("http://dev.example:8081/api"));
    assertThat(target("dev").webBase()).isEqualTo(URI.create("http://dev.example:8081/"));
    assertThat(target("sub").api()).isEqualTo(URI.create("https://h.example/aurora/api"));
    // RFC 3986, as Aurora's client resolves it: the last segment without a slash is replaced.
    assertThat(target("bare").api()).isEqualTo(URI.create("http://h.example/api"));
  }

  @Test
  void local_worksWithoutAFile_andFollowsTheEnvironment() {
    assertThat(target("local").api()).isEqualTo(URI.create("http://127.0.0.1:8081/api"));
    env.put("AURORA_SCHEDULER_URL", "http://env.example:9");
    assertThat(target("local").api()).isEqualTo(URI.create("http://env.example:9/api"));
  }

  @Test
  void local_fromTheFile_unlessTheEnvironmentNamesOne() throws Exception {
    clusters("[{\"name\":\"local\",\"scheduler_uri\":\"http://file.example:1\"}]");
    assertThat(target("local").api()).isEqualTo(URI.create("http://file.example:1/api"));
    env.put("AURORA_SCHEDULER_URL", "http://env.example:9");
    assertThat(target("local").api()).isEqualTo(URI.create("http://env.example:9/api"));
  }

  @Test
  void theSchedulerOption_winsOverClustersJson_whichIsThenNotEvenRead() throws Exception {
    clusters("this is not json");
    ConnectionOptions options = new ConnectionOptions();
    options.scheduler = "http://option.example:7";
    assertThat(connector(options).target(Optional.of("dev")).api())
        .isEqualTo(URI.create("http://option.example:7/api"));
  }

  @Test
  void aBadSchedulerUri_namesTheFileAndCluster() throws Exception {
    Path file = clusters("[{\"name\":\"dev\",\"scheduler_uri\":\"dev.example:8081\"}]");
    Run run = run("job", "status", "dev/www/prod/hello");
    assertThat(run.exit).isEqualTo(3);
    assertThat(run.err).isEqualTo("aurora: " + file + ": cluster 'dev': bad scheduler_uri "
        + "'dev.example:8081': no scheme or host\n");
  }

  @Test
  void anUnknownCluster_exitsThreeWithOneLine_beforeAnyCall() throws Exception {
    Path file = clusters("[{\"name\":\"dev\",\"scheduler_uri\":\"http://dev.example:8081\"}]");
    Run run = run("job", "status", "prod/www/prod/hello");
    assertThat(run.exit).isEqualTo(3);
    assertThat(run.err).isEqualTo("aurora: unknown cluster 'prod': not in " + file
        + " (clusters there: dev); add it to a clusters.json or give --scheduler=URL\n");
  }

  @Test
  void anUnknownClusterWithNoFileAtAll_saysWhereItLooked() {
    Run run = run("task", "list", "prod/www/prod/hello");
    assertThat(run.exit).isEqualTo(3);
    assertThat(run.err).startsWith("aurora: unknown cluster 'prod': no clusters.json found "
        + "(looked for " + dir.resolve("etc/clusters.json") + " and "
        + dir.resolve("home/.aurora/clusters.json") + ")").hasLineCount(1);
  }

  @Test
  void aMalformedFile_isOneLineNamingIt() throws Exception {
    Path file = clusters("[{\"name\": \"dev\"");
    Run run = run("job", "status", "dev/www/prod/hello");
    assertThat(run.exit).isEqualTo(3);
    assertThat(run.err).startsWith("aurora: " + file + ", line 1, column ")
        .contains("not valid JSON: the file ends inside").doesNotContain("Source")
        .hasLineCount(1);
  }

  private final Map<String, String> env = new HashMap<>();

  private Path clusters(String text) throws Exception {
    Path file = dir.resolve("etc/clusters.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private Map<String, String> env() {
    Map<String, String> all = new HashMap<>(env);
    all.put("AURORA_CONFIG_ROOT", dir.resolve("etc").toString());
    all.put("HOME", dir.resolve("home").toString());
    return all;
  }

  private ThriftConnector connector(ConnectionOptions options) {
    Map<String, String> all = env();
    return new ThriftConnector(options, all, () -> ClusterFiles.load(all, dir));
  }

  private ThriftConnector.Target target(String cluster) {
    return connector(new ConnectionOptions()).target(Optional.of(cluster));
  }

  private record Run(int exit, String err) {}

  private Run run(String... args) {
    StringWriter err = new StringWriter();
    int exit = AuroraClient.run(args, env(), new PrintWriter(new StringWriter()),
        new PrintWriter(err, true), false);
    return new Run(exit, err.toString());
  }
}
