package io.aurora.server.app;

import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.thrift.ApiOptions;
import java.util.Objects;

/**
 * aurora-scheduling's option records as the daemon builds them from
 * {@link io.aurora.scheduling.SchedulingOptions} in {@link FlagMapping}.
 *
 * @param runtime the scheduling runtime (offers, timers, reconciliation, pruning, executor)
 * @param api the Thrift API's limits and cluster name
 */
public record SchedulingRuntimeOptions(SchedulerRuntimeOptions runtime, ApiOptions api) {
  public SchedulingRuntimeOptions {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(api, "api");
  }
}
