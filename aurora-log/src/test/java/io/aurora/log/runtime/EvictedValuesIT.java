package io.aurora.log.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.log.Entry;
import io.aurora.log.Position;
import io.aurora.log.Reader;
import io.aurora.log.Writer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas that keep only 16 learned values in memory: every older entry is read back from
 * disk, by readers and to serve a wiped replica's catch-up, including entries large enough that the
 * catch-up byte bound splits the batches.
 */
@Timeout(90)
class EvictedValuesIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int IN_MEMORY = 16;
  private static final int ENTRIES = 400;

  @TempDir Path root;

  /**
   * Entry {@code n}: every 5th is 400 KiB, so a batch of 64 entries (5 MiB) exceeds the 4 MiB a
   * catch-up message carries and has to be split.
   */
  private static byte[] value(int n) {
    byte[] b = new byte[n % 5 == 0 ? 400 << 10 : 16 + n % 7];
    Arrays.fill(b, (byte) n);
    ByteBuffer.wrap(b).putInt(n);
    return b;
  }

  private static void assertEveryEntry(Reader r, Position last) throws Exception {
    List<Entry> entries = r.read(Position.of(1), last);
    assertThat(entries).hasSize(ENTRIES);
    for (int i = 0; i < ENTRIES; i++) {
      assertThat(entries.get(i).data()).as("entry %d", i).isEqualTo(value(i));
    }
  }

  @Test
  void moreEntriesThanKeptInMemory_areReadAndCaughtUpFromDisk() throws Exception {
    try (LocalCluster c = new LocalCluster(root, 3, 2)) {
      c.learnedValuesInMemory = IN_MEMORY;
      for (int i = 0; i < 3; i++) {
        c.start(i);
      }
      Writer w = c.logs[0].elect();
      List<CompletableFuture<Position>> futures = new ArrayList<>();
      for (int i = 0; i < ENTRIES; i++) {
        futures.add(w.append(value(i)));
      }
      Position last = Position.of(0);
      for (CompletableFuture<Position> f : futures) {
        last = f.get(20, TimeUnit.SECONDS);
      }
      Position end = last;
      for (int i = 0; i < 3; i++) {
        Reader r = c.logs[i].reader();
        await("replica " + i + " learns " + end)
            .atMost(WAIT).until(() -> r.ending().compareTo(end) >= 0);
        assertEveryEntry(r, end);
      }

      // A replica that lost its disk copies all of it from the others' disks before it votes.
      c.stop(2);
      c.wipe(2);
      c.start(2);
      Reader wiped = c.logs[2].reader();
      await("wiped replica recovers").atMost(WAIT).until(() -> wiped.ending().compareTo(end) >= 0);
      assertEveryEntry(wiped, end);
      List<byte[]> followed = new CopyOnWriteArrayList<>();
      wiped.follow(Position.of(1), e -> followed.add(e.data()), e -> { });
      await("follower reads every entry").atMost(WAIT).until(() -> followed.size() == ENTRIES);
      assertThat(followed.get(ENTRIES - 1)).isEqualTo(value(ENTRIES - 1));
      assertThat(c.registries[2].get("scheduler_log_native_catchup_requests").counter().count())
          .as("more than one catch-up batch").isGreaterThan(ENTRIES / 64.0);

      // The recovered replica and one other still make a quorum that holds everything.
      c.stop(0);
      Writer w1 = c.logs[1].elect();
      Position p = w1.append(value(ENTRIES)).get(20, TimeUnit.SECONDS);
      await("recovered replica learns the new entry")
          .atMost(WAIT).until(() -> wiped.ending().compareTo(p) >= 0);
      assertThat(wiped.read(p, p)).singleElement()
          .satisfies(e -> assertThat(e.data()).isEqualTo(value(ENTRIES)));

      // A restart loads only the latest values into memory and still reads everything.
      c.stop(1);
      c.start(1);
      Reader restarted = c.logs[1].reader();
      await("restarted replica learned " + p)
          .atMost(WAIT).until(() -> restarted.ending().compareTo(p) >= 0);
      assertEveryEntry(restarted, end);
    }
  }
}
