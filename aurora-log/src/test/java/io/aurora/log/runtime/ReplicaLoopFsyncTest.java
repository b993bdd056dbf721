package io.aurora.log.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.HostAndPort;
import io.aurora.log.Entry;
import io.aurora.log.LogException;
import io.aurora.log.LogOptions;
import io.aurora.log.Position;
import io.aurora.log.Writer;
import io.aurora.log.discovery.StaticReplicaGroup;
import io.aurora.log.storage.FaultyDisk;
import io.aurora.log.transport.PeerAddress;
import io.aurora.log.transport.Receiver;
import io.aurora.log.transport.Transport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A lone replica (quorum 1) over a disk that fails and crashes on demand. */
@Timeout(30)
class ReplicaLoopFsyncTest {
  private static final PeerAddress SELF = new PeerAddress("127.0.0.1", 1);

  /** A replica alone needs no network. */
  private static final class NoTransport implements Transport {
    @Override
    public void start(Receiver receiver) {}

    @Override
    public PeerAddress localAddress() {
      return SELF;
    }

    @Override
    public void send(PeerAddress to, byte[] payload) {
      throw new AssertionError("a lone replica sent to " + to);
    }

    @Override
    public void close() {}
  }

  private static LoopBackedLog open(FaultyDisk disk) {
    LogOptions options = LogOptions.of(1, Path.of("unused"), HostAndPort.fromParts("127.0.0.1", 1),
            List.of())
        .withTimeouts(Duration.ofSeconds(2), 10, Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withTickInterval(Duration.ofMillis(10));
    return ReplicatedLogs.open(options, disk.open(), new NoTransport(),
        new StaticReplicaGroup(Set.of(SELF)), new SimpleMeterRegistry());
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void failedFsync_failsTheAppend_stopsTheReplica_andNeverAcknowledges() throws Exception {
    FaultyDisk disk = new FaultyDisk();
    LoopBackedLog log = open(disk);
    Writer w = log.elect();
    Position kept = w.append(b("kept")).get(5, TimeUnit.SECONDS);
    disk.failNextSync();
    CompletableFuture<Position> lost = w.append(b("lost"));
    assertThat(lost).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(LogException.class);
    assertThat(w.append(b("after"))).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class);
    log.close();

    disk.crash();
    LoopBackedLog reopened = open(disk);
    List<Entry> entries = reopened.reader().read(Position.of(1), reopened.reader().ending());
    assertThat(entries).extracting(e -> new String(e.data(), StandardCharsets.UTF_8))
        .containsExactly("kept");
    assertThat(entries.get(0).position()).isEqualTo(kept);
    Writer again = reopened.elect();
    assertThat(again.append(b("next")).get(5, TimeUnit.SECONDS)).isGreaterThan(kept);
    reopened.close();
  }

  @Test
  void crashAfterAcknowledgement_keepsEveryAcknowledgedAppend() throws Exception {
    FaultyDisk disk = new FaultyDisk();
    LoopBackedLog log = open(disk);
    Writer w = log.elect();
    for (int i = 0; i < 50; i++) {
      w.append(b("e" + i)).get(5, TimeUnit.SECONDS);
    }
    disk.crash(); // anything unsynced is gone; everything acknowledged was synced first
    log.close();
    LoopBackedLog reopened = open(disk);
    assertThat(reopened.reader().read(Position.of(1), reopened.reader().ending())).hasSize(50);
    reopened.close();
  }
}
