package io.aurora.scheduling.crontrigger;

import io.aurora.gen.JobKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** An item of the trigger lanes: a trigger to handle, or a delayed launch to check. */
sealed interface CronWork permits CronWork.Fire, CronWork.LaunchCheck {
  /** The job the item is about; its lane is chosen by it. */
  JobKey job();

  /**
   * A trigger: due at {@code due}; from the timer armed as {@code generation}, or started by hand
   * ({@code startCronJob}) when that is empty, with {@code done} completed once handled.
   */
  record Fire(JobKey job, Instant due, Optional<Long> generation,
      CompletableFuture<TriggerOutcome> done) implements CronWork {
    public Fire {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(due, "due");
      Objects.requireNonNull(generation, "generation");
      Objects.requireNonNull(done, "done");
    }
  }

  /** A KILL_EXISTING launch waiting for the killed tasks: start it if they are gone. */
  record LaunchCheck(JobKey job) implements CronWork {
    public LaunchCheck {
      Objects.requireNonNull(job, "job");
    }
  }
}
