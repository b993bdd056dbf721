package io.aurora.server.client.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clusters.json: where it is looked for, what it may hold, and each way it can be wrong. */
class ClustersTest {
  private static final Path SAMPLE = Path.of("..", "docs", "examples", "clusters.json");

  @TempDir
  Path dir;

  @Test
  void theSample_readsBothClustersWithTheirFieldsAndDefaults() {
    Clusters clusters = Clusters.read(List.of(SAMPLE));

    assertThat(clusters.names()).containsExactlyInAnyOrder("local", "devcluster");
    ClusterConfig local = clusters.get("local");
    assertThat(local.schedulerUri()).contains("http://127.0.0.1:8081");
    assertThat(local.zk()).isEmpty();
    assertThat(local.zkPort()).isEqualTo(2181);
    assertThat(local.schedulerZkPath()).isEqualTo("/aurora/scheduler");
    assertThat(local.authMechanism()).isEqualTo("UNAUTHENTICATED");
    assertThat(local.file()).isEqualTo(SAMPLE);

    ClusterConfig dev = clusters.get("devcluster");
    assertThat(dev.zkConnect())
        .contains("zk1.example.com:2181,zk2.example.com:2181,zk3.example.com:2181");
    assertThat(dev.proxyUrl()).contains("https://aurora.example.com/");
  }

  @Test
  void defaults_zkPortAndPathAndAuth() throws Exception {
    Path file = write("a.json", "[{\"name\":\"c\",\"zk\":\"zk1, zk2\"}]");
    ClusterConfig c = Clusters.read(List.of(file)).get("c");
    assertThat(c.zkConnect()).contains("zk1:2181,zk2:2181");
    assertThat(c.schedulerZkPath()).isEqualTo(ClusterConfig.DEFAULT_ZK_PATH);
    assertThat(c.authMechanism()).isEqualTo(ClusterConfig.UNAUTHENTICATED);
    assertThat(c.schedulerUri()).isEmpty();

    Path custom = write("b.json", "[{\"name\":\"c\",\"zk\":\"zk1\",\"zk_port\":2888,"
        + "\"scheduler_zk_path\":\"/s\",\"auth_mechanism\":\"KERBEROS\","
        + "\"scheduler_uri\":\"http://ignored:1\"}]");
    ClusterConfig k = Clusters.read(List.of(custom)).get("c");
    assertThat(k.zkConnect()).contains("zk1:2888");
    assertThat(k.schedulerZkPath()).isEqualTo("/s");
    assertThat(k.authMechanism()).isEqualTo("KERBEROS");
  }

  @Test
  void anObjectOfClusters_isReadToo_andNamelessEntriesAreSkipped() throws Exception {
    Path file = write("o.json", "{\"x\":{\"name\":\"one\",\"scheduler_uri\":\"http://h:1\"},"
        + "\"y\":{\"scheduler_uri\":\"http://nameless:1\"}}");
    assertThat(Clusters.read(List.of(file)).names()).containsExactly("one");
  }

  @Test
  void aLaterFile_replacesAnEarlierClusterWhole() throws Exception {
    Path system = write("system.json", "[{\"name\":\"c\",\"zk\":\"zk1\",\"zk_port\":1},"
        + "{\"name\":\"d\",\"scheduler_uri\":\"http://d:1\"}]");
    Path user = write("user.json", "[{\"name\":\"c\",\"scheduler_uri\":\"http://c:2\"}]");
    Clusters clusters = Clusters.read(List.of(system, user));
    assertThat(clusters.get("c").zk()).as("no field merge").isEmpty();
    assertThat(clusters.get("c").schedulerUri()).contains("http://c:2");
    assertThat(clusters.get("d").schedulerUri()).contains("http://d:1");
    assertThat(clusters.files()).containsExactly(system, user);
  }

  @Test
  void locations_followAuroraConfigRootAndHome() {
    Path home = Path.of("/home/fallback");
    assertThat(ClusterFiles.locations(Map.of(), home)).containsExactly(
        Path.of("/etc/aurora/clusters.json"), Path.of("/home/fallback/.aurora/clusters.json"));
    assertThat(ClusterFiles.locations(Map.of("AURORA_CONFIG_ROOT", "/opt/a", "HOME", "/home/u"),
        home)).containsExactly(Path.of("/opt/a/clusters.json"),
            Path.of("/home/u/.aurora/clusters.json"));
    assertThat(ClusterFiles.locations(Map.of("AURORA_CONFIG_ROOT", ""), home).get(0))
        .isEqualTo(Path.of("/etc/aurora/clusters.json"));
  }

  @Test
  void load_readsTheUsersFileUnderHome() throws Exception {
    Files.createDirectories(dir.resolve("home/.aurora"));
    Files.writeString(dir.resolve("home/.aurora/clusters.json"),
        "[{\"name\":\"mine\",\"scheduler_uri\":\"http://m:1\"}]");
    Clusters clusters = ClusterFiles.load(Map.of("AURORA_CONFIG_ROOT",
        dir.resolve("nothing-here").toString(), "HOME", dir.resolve("home").toString()),
        Path.of("/unused"));
    assertThat(clusters.find("mine")).isPresent();
    assertThat(clusters.find("other")).isEmpty();
  }

  @Test
  void missingFiles_areSkipped_andAnUnknownClusterSaysWhereItLooked() {
    Path a = dir.resolve("etc/clusters.json");
    Path b = dir.resolve("home/.aurora/clusters.json");
    Clusters none = Clusters.read(List.of(a, b));
    assertThat(none.files()).isEmpty();
    assertBad(() -> none.get("dev"), "unknown cluster 'dev': no clusters.json found (looked for "
        + a + " and " + b + ")");

    assertBad(() -> Clusters.read(List.of(SAMPLE)).get("prod"), "unknown cluster 'prod': not in "
        + SAMPLE + " (clusters there: devcluster, local)");
  }

  @Test
  void malformedFiles_areOneLineNamingTheFile() throws Exception {
    Path broken = write("broken.json", "[{\"name\": \"c\",]");
    assertBad(() -> Clusters.read(List.of(broken)), broken + ", line 1, column ");
    assertBad(() -> Clusters.read(List.of(write("empty.json", ""))), "empty.json is empty");
    assertBad(() -> Clusters.read(List.of(write("s.json", "\"dev\""))),
        "s.json: expected a JSON list of clusters (or an object of clusters), got a string");
    assertBad(() -> Clusters.read(List.of(write("n.json", "[{\"name\":\"a\"}, 3]"))),
        "n.json: cluster 2 is not an object but a number");
    assertBad(() -> Clusters.read(List.of(write("t.json", "[{\"name\": 7}]"))),
        "t.json: cluster 1: name must be a string, got 7");
  }

  @Test
  void badFields_failOnlyWhenThatClusterIsUsed() throws Exception {
    Path file = write("f.json", "[{\"name\":\"ok\",\"scheduler_uri\":\"http://h:1\"},"
        + "{\"name\":\"port\",\"zk\":\"z\",\"zk_port\":\"twenty\"},"
        + "{\"name\":\"zk\",\"zk\":[\"a\",\"b\"]},"
        + "{\"name\":\"nowhere\",\"auth_mechanism\":\"UNAUTHENTICATED\"}]");
    Clusters clusters = Clusters.read(List.of(file));
    assertThat(clusters.get("ok").schedulerUri()).contains("http://h:1");
    assertBad(() -> clusters.get("port"),
        file + ": cluster 'port': zk_port must be an integer, got \"twenty\"");
    assertBad(() -> clusters.get("zk"), file + ": cluster 'zk': zk must be a string, got [\"a\",\"b\"]");
    assertBad(() -> clusters.get("nowhere"), file + ": cluster 'nowhere' has neither zk nor "
        + "scheduler_uri, so its scheduler cannot be found");
  }

  @Test
  void aZkPortWrittenAsText_isReadAsAuroraCoercesIt() throws Exception {
    Path file = write("p.json", "[{\"name\":\"c\",\"zk\":\"z\",\"zk_port\":\"2888\"}]");
    assertThat(Clusters.read(List.of(file)).find("c").map(ClusterConfig::zkPort))
        .isEqualTo(Optional.of(2888));
  }

  private static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION))
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
