package io.aurora.log.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aurora.log.Entry;
import io.aurora.log.Position;
import io.aurora.log.Reader;
import io.aurora.log.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three wiped replicas seeded offline start as one log holding the seeded entries. */
@Timeout(60)
class ReplicaSeederIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<byte[]> SEEDED = List.of(bytes("snapshot-1"), bytes("snapshot-2"),
      bytes("snapshot-3"));

  @TempDir Path root;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<Entry> entries) {
    return entries.stream().map(e -> new String(e.data(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void seededReplicas_electAWriter_readTheSeed_andAppendAfterIt() throws Exception {
    try (LocalCluster c = new LocalCluster(root, 3, 2)) {
      for (int i = 0; i < 3; i++) {
        assertThat(ReplicaSeeder.seed(c.dirs.get(i), SEEDED)).isEqualTo(3);
      }
      for (int i = 0; i < 3; i++) {
        c.start(i);
      }
      Writer writer = c.logs[1].elect();
      Position next = writer.append(bytes("after")).get(10, TimeUnit.SECONDS);
      assertThat(next.value()).isGreaterThan(3);
      for (int i = 0; i < 3; i++) {
        Reader reader = c.logs[i].reader();
        await("replica " + i + " learns " + next).atMost(WAIT)
            .until(() -> reader.ending().compareTo(next) >= 0);
        assertThat(reader.beginning()).isEqualTo(Position.of(1));
        assertThat(texts(reader.read(Position.of(1), Position.of(3))))
            .containsExactly("snapshot-1", "snapshot-2", "snapshot-3");
        assertThat(texts(reader.read(next, next))).containsExactly("after");
      }
    }
  }

  @Test
  void aDirectoryHoldingALog_isRefused() throws Exception {
    try (LocalCluster c = new LocalCluster(root, 1, 1)) {
      ReplicaSeeder.seed(c.dirs.get(0), SEEDED);
      assertThatThrownBy(() -> ReplicaSeeder.seed(c.dirs.get(0), SEEDED))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already holds a log");
    }
  }
}
