package io.aurora.scheduling.write;

import io.aurora.gen.ScheduleStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per task transition, on the logger {@value #LOGGER} so that operators can turn it
 * down or send it to a file of its own: {@code Task <id>: <from> -> <to> (<reason>)}, where a
 * task rescheduled after a failure enters THROTTLED with its flapping penalty in the reason.
 * Written inside the write transaction, like Aurora's; a write that fails afterwards is logged by
 * its caller.
 *
 * <p>Each line is checked with {@code isInfoEnabled} first and formatted by the logger's
 * parameters, so that with the logger off the hot paths (a round of thousands of assignments,
 * a batch of status updates) pay one boolean check per transition.
 */
final class TransitionLog {
  /** The logger's name, documented in docs/monitoring.md and docs/embedding.md. */
  static final String LOGGER = "io.aurora.scheduling.transitions";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private TransitionLog() {}

  /** A task moved from {@code from} (absent: a new task) to {@code to}. */
  static void transition(String taskId, Optional<ScheduleStatus> from, ScheduleStatus to,
      Optional<String> reason) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    if (reason.isPresent()) {
      LOG.info("Task {}: {} -> {} ({})", taskId, from.map(Enum::name).orElse("INIT"), to,
          reason.get());
    } else {
      LOG.info("Task {}: {} -> {}", taskId, from.map(Enum::name).orElse("INIT"), to);
    }
  }

  /** A PENDING task was assigned to {@code host} (the launch's hot path: no allocation if off). */
  static void assigned(String taskId, String host) {
    if (LOG.isInfoEnabled()) {
      LOG.info("Task {}: PENDING -> ASSIGNED (on {})", taskId, host);
    }
  }
}
