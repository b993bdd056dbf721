package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/embedding.md promises an embedder: a project outside our build whose only version
 * source is {@code aurora-parent} imported with {@code <scope>import</scope>} resolves and compiles
 * offline, against exactly the versions we test (gson 2.13.2, not the 2.8.9 that
 * protobuf-java-util asks for; the consumer's source uses a gson type that 2.8.9 lacks).
 *
 * <p>The modules this reactor just packaged are laid out as a Maven repository under
 * {@code target/}; Maven finds everything else in the local repository this build used
 * ({@code maven.repo.local.tail}), so the check needs no network and installs nothing.
 */
class ExternalProjectIT {
  private static final List<String> MODULES =
      List.of("aurora-api", "aurora-log", "aurora-storage", "aurora-scheduling", "aurora-http",
          "aurora-server");
  private static final long TIMEOUT_SECONDS = 180;

  @TempDir Path work;

  @Test
  void projectImportingTheParent_compilesOfflineAgainstTestedVersions() throws Exception {
    Path root = Path.of(System.getProperty("aurora.root")).toAbsolutePath().normalize();
    String version = System.getProperty("aurora.version");
    Path repo = work.resolve("repo");
    stage(root.resolve("pom.xml"), repo, "aurora-parent", version, "pom");
    for (String module : MODULES) {
      stage(root.resolve(module).resolve("pom.xml"), repo, module, version, "pom");
      stage(root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar"), repo,
          module, version, "jar");
    }
    Path project = work.resolve("consumer");
    copyResource("pom.xml", project.resolve("pom.xml"), version);
    copyResource("Consumer.java",
        project.resolve("src/main/java/com/example/consumer/Consumer.java"), version);

    Path log = work.resolve("mvn.log");
    Process mvn = new ProcessBuilder(root.resolve("mvnw").toString(), "-B", "-o", "-q",
        "-f", project.resolve("pom.xml").toString(),
        "-Dmaven.repo.local=" + repo,
        "-Dmaven.repo.local.tail=" + System.getProperty("aurora.localRepository"),
        "-Dcompiler-plugin.version=" + System.getProperty("aurora.compilerPluginVersion"),
        "compile")
        .directory(project.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean ended = mvn.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      mvn.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(ended).as("mvn ended within %s s: %s", TIMEOUT_SECONDS, output).isTrue();
    assertThat(mvn.exitValue()).as(output).isZero();
    assertThat(project.resolve("target/classes/com/example/consumer/Consumer.class"))
        .isRegularFile();
  }

  /** Puts {@code file} where a Maven repository keeps {@code io.aurora:artifact:version:ext}. */
  private static void stage(Path file, Path repo, String artifact, String version, String ext)
      throws IOException {
    assertThat(file).as("built by this reactor before aurora-dist's integration tests")
        .isRegularFile();
    Path dir = repo.resolve("io/aurora").resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    Files.copy(file, dir.resolve(artifact + "-" + version + "." + ext),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static void copyResource(String name, Path to, String version) throws IOException {
    try (var in = ExternalProjectIT.class.getResourceAsStream("/external-project/" + name)) {
      assertThat(in).as(name).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@aurora.version@", version);
      Files.createDirectories(to.getParent());
      Files.writeString(to, text);
    }
  }
}
