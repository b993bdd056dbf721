package io.aurora.storage.durable;

import io.aurora.log.Entry;
import io.aurora.log.LogException;
import io.aurora.log.Position;
import io.aurora.log.Reader;
import io.aurora.storage.mem.StoreState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the log to a {@link Replayer}: cold recovery from the log's beginning, catching up to its
 * end, and following what the replica learns (hot standby). Not thread-safe: the caller runs one
 * call at a time.
 */
final class LogReplay {
  /** Positions per read: recovery reads in batches, not one position at a time. */
  private static final int READ_BATCH = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(LogReplay.class);

  private final Reader reader;
  private final MeterRegistry registry;
  private final Timer recoveryTimer;
  private Replayer replayer;
  private Reader.Subscription subscription;

  LogReplay(Reader reader, MeterRegistry registry) {
    this.reader = reader;
    this.registry = registry;
    this.recoveryTimer = registry.timer("scheduler_log_recovery");
  }

  /** Reads the whole log into a new replayer and returns the state it reached. */
  StoreState recover() throws LogException {
    Timer.Sample sample = Timer.start(registry);
    Position beginning = reader.beginning();
    replayer = new Replayer(StoreState.empty(), beginning.value() <= 1);
    readFrom(beginning, reader.ending());
    StoreState state = replayer.state();
    sample.stop(recoveryTimer);
    LOG.info("Recovered {} tasks at log position {} from {} entries ({} snapshots loaded)",
        state.taskCount(), state.logPosition(), replayer.entriesApplied(),
        replayer.snapshotsLoaded());
    return state;
  }

  /** Reads what the log holds beyond what was applied; returns how many entries that applied. */
  long catchUp() throws LogException {
    long before = replayer.entriesApplied();
    readFrom(Position.of(replayer.lastRecord() + 1), reader.ending());
    return replayer.entriesApplied() - before;
  }

  /** Feeds the replayer every record in [from, to], READ_BATCH positions per read. */
  private void readFrom(Position from, Position to) throws LogException {
    for (long start = from.value(); start <= to.value(); start += READ_BATCH) {
      long end = Math.min(to.value(), start + READ_BATCH - 1);
      List<Entry> entries = reader.read(Position.of(start), Position.of(end));
      entries.forEach(replayer::accept);
    }
  }

  /** Calls {@code onLearned} with each entry the replica learns after what was applied. */
  void follow(Consumer<Entry> onLearned, Consumer<LogException> onError) {
    subscription = reader.follow(Position.of(replayer.lastRecord() + 1), onLearned::accept,
        onError::accept);
  }

  boolean following() {
    return subscription != null;
  }

  void stopFollowing() {
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
  }

  /**
   * Applies a learned entry; returns the new state, or empty if the entry was applied already or
   * the state is not known yet (a truncated log before its first snapshot).
   */
  Optional<StoreState> apply(Entry entry) {
    if (entry.position().value() <= replayer.lastRecord()) {
      return Optional.empty();
    }
    replayer.accept(entry);
    return replayer.baseKnown() ? Optional.of(replayer.state()) : Optional.empty();
  }

  /** The state reached so far. */
  StoreState state() {
    return replayer.state();
  }
}
