package io.aurora.server.app;

import io.aurora.scheduling.offers.OfferOptions;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.runtime.TimerOptions;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.thrift.ApiOptions;
import java.util.Objects;

/**
 * The option records the scheduling runtime's classes take, cut from
 * {@link io.aurora.scheduling.SchedulingOptions} by {@link FlagMapping}.
 *
 * @param offers how offers are held and declined
 * @param rescheduling flapping-task penalties
 * @param timers transient-state timeout and kill retries
 * @param reconcile reconciliation pace
 * @param api the Thrift API's limits and cluster name
 * @param executor the executor's overhead per task
 * @param statusUpdateBatchSize updates per storage write ({@code -max_status_update_batch_size})
 */
public record SchedulingRuntimeOptions(
    OfferOptions offers,
    RescheduleOptions rescheduling,
    TimerOptions timers,
    ReconcileOptions reconcile,
    ApiOptions api,
    ExecutorSettings executor,
    int statusUpdateBatchSize) {
  public SchedulingRuntimeOptions {
    Objects.requireNonNull(offers, "offers");
    Objects.requireNonNull(rescheduling, "rescheduling");
    Objects.requireNonNull(timers, "timers");
    Objects.requireNonNull(reconcile, "reconcile");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(executor, "executor");
    if (statusUpdateBatchSize < 1) {
      throw new IllegalArgumentException(
          "-max_status_update_batch_size must be at least 1, got " + statusUpdateBatchSize);
    }
  }
}
