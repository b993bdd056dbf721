package io.aurora.log.runtime;

import io.aurora.log.core.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;

/** The replica's meters; names follow Aurora's {@code scheduler_log_*} variables. */
final class LogMetrics {
  final Timer append;
  final Counter appendBytes;
  final DistributionSummary batchSize;
  final Timer fsync;
  final Counter elections;
  final Counter electionFailures;
  final Counter catchups;
  final Counter writerFailures;
  private final AtomicLong status = new AtomicLong(Status.EMPTY.ordinal());
  private final AtomicLong learned = new AtomicLong();
  private final MeterRegistry registry;

  LogMetrics(MeterRegistry registry) {
    this.registry = registry;
    append = Timer.builder("scheduler_log_native_append")
        .description("time from append() to its acknowledgement").register(registry);
    appendBytes = Counter.builder("scheduler_log_native_append_bytes")
        .description("bytes appended and acknowledged").register(registry);
    batchSize = DistributionSummary.builder("scheduler_log_native_batch_entries")
        .description("entries per persisted batch (group commit)").register(registry);
    fsync = Timer.builder("scheduler_log_native_fsync")
        .description("time to fsync one batch").register(registry);
    elections = Counter.builder("scheduler_log_native_elections")
        .description("writer elections won by this replica").register(registry);
    electionFailures = Counter.builder("scheduler_log_native_election_failures")
        .description("election attempts that failed").register(registry);
    catchups = Counter.builder("scheduler_log_native_catchup_requests")
        .description("catch-up requests sent to peers").register(registry);
    writerFailures = Counter.builder("scheduler_log_native_writer_failures")
        .description("appends failed because the writer was demoted or timed out")
        .register(registry);
    Gauge.builder("scheduler_log_native_replica_status", status, AtomicLong::get)
        .description("0 EMPTY, 1 STARTING, 2 RECOVERING, 3 VOTING").register(registry);
    Gauge.builder("scheduler_log_native_learned_position", learned, AtomicLong::get)
        .description("last position learned by this replica").register(registry);
  }

  long monotonicNanos() {
    return registry.config().clock().monotonicTime();
  }

  void status(Status s, long learnedUpTo) {
    status.set(s.ordinal());
    learned.set(learnedUpTo);
  }
}
