package io.aurora.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags every benchmark over a replicated log of follower processes shares: how many
 * replicas, where their scratch files go, and the followers' JVM options (a picocli mixin).
 */
public final class ReplicaFlags {
  @Option(names = "-replicas", defaultValue = "3",
      description = "Log replicas: this JVM's and replicas-1 follower processes (quorum a majority).")
  public int replicas;

  @Option(names = "-dir", defaultValue = "${sys:java.io.tmpdir}",
      description = "Where the scratch directory with the replicas' files is made.")
  public Path dir;

  @Option(names = "-replica_jvm_opts", defaultValue = "-Xmx256m",
      description = "JVM options of the follower replica processes, separated by spaces.")
  public String replicaJvmOpts;

  /** What is wrong with these flags, if anything, in one line naming the flag. */
  public Optional<String> validate() {
    if (replicas < 1 || replicas > 9) {
      return Optional.of("-replicas must be between 1 and 9: " + replicas);
    }
    if (!Files.isDirectory(dir)) {
      return Optional.of("-dir " + dir + " is not a directory");
    }
    return Optional.empty();
  }
}
