package io.aurora.storage.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.HostAndPort;
import io.aurora.api.TaskQueries;
import io.aurora.gen.storage.Snapshot;
import io.aurora.log.LogOptions;
import io.aurora.log.discovery.StaticReplicaGroup;
import io.aurora.log.runtime.LoopBackedLog;
import io.aurora.log.runtime.ReplicatedLogs;
import io.aurora.log.storage.FaultyDisk;
import io.aurora.log.transport.PeerAddress;
import io.aurora.log.transport.Receiver;
import io.aurora.log.transport.Transport;
import io.aurora.storage.StorageException;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.StoreProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log disk fills up under a leading scheduler (docs/deploying.md, "Troubleshooting"): the real
 * replica runs over {@link FaultyDisk}, whose failed sync is what a full disk gives the log (the
 * write or its fsync fails, and nothing of it becomes durable). The write fails, the storage tells
 * its failure listener (the daemon's {@code ProcessGuard}, which ends the process), nothing
 * acknowledged is lost, and a restart on the same disk, with space again, recovers and writes.
 */
@Timeout(60)
class LogDiskFullTest {
  private static final PeerAddress SELF = new PeerAddress("127.0.0.1", 1);

  @TempDir Path backups;

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

  @AfterEach
  void tearDown() {
    scheduler.shutdownNow();
    committer.shutdownNow();
  }

  /** A replica alone (quorum 1) needs no network. */
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

  private static LoopBackedLog openLog(FaultyDisk disk) {
    LogOptions options = LogOptions.of(1, Path.of("unused"), HostAndPort.fromParts("127.0.0.1", 1),
            List.of())
        .withTimeouts(Duration.ofSeconds(2), 10, Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withTickInterval(Duration.ofMillis(10));
    return ReplicatedLogs.open(options, disk.open(), new NoTransport(),
        new StaticReplicaGroup(Set.of(SELF)), new SimpleMeterRegistry());
  }

  private DurableStorage leader(LoopBackedLog log) throws Exception {
    StorageOptions options = new StorageOptions(Duration.ofHours(1), 512 * 1024, backups,
        Duration.ofHours(1), 3);
    DurableStorage storage = new DurableStorage(log, options, clock, scheduler, committer,
        new SimpleMeterRegistry());
    storage.start();
    storage.lead();
    return storage;
  }

  @Test
  void diskFullWhileLeading_failsTheWrite_andTheStorage_losesNothingAcknowledged()
      throws Exception {
    FaultyDisk disk = new FaultyDisk();
    LoopBackedLog log = openLog(disk);
    DurableStorage storage = leader(log);
    DurableStorageTest.populate(storage, "a");
    DurableStorageTest.populate(storage, "b");
    Snapshot acknowledged = storage.state().toSnapshot(0);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    storage.onFailure(failures::add);

    disk.failNextSync();
    assertThatThrownBy(() -> DurableStorageTest.populate(storage, "c"))
        .isInstanceOf(StorageException.class);
    assertThat(failures).as("the daemon hears of it once, and exits").hasSize(1);
    assertThat(storage.mode()).isEqualTo(DurableStorage.Mode.FAILED);
    assertThatThrownBy(() -> storage.write(s -> null)).isInstanceOf(StorageException.class);
    storage.close();
    log.close();

    // The process is gone: whatever was not synced is lost with it. Restarted with space again:
    disk.crash();
    LoopBackedLog reopened = openLog(disk);
    DurableStorage recovered = leader(reopened);
    assertThat(recovered.state().toSnapshot(0)).isEqualTo(acknowledged);
    DurableStorageTest.populate(recovered, "d");
    assertThat(recovered.read((StoreProvider s) -> s.taskStore().countTasks(
        TaskQueries.all().build()))).isEqualTo(12);
    recovered.close();
    reopened.close();
  }
}
