package io.aurora.scheduling.preemptor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Aurora's preemptor counters, all registered at once so that {@code /vars} lists them at 0:
 * slot searches per pending group ({@code preemptor_slot_search_attempts_for_prod} and
 * {@code ..._non_prod}, with {@code _success_} and {@code _failed_} outcomes), slots re-checked
 * when used ({@code preemptor_slot_validation_success}/{@code _failed}), victims preempted
 * ({@code preemptor_tasks_preempted_prod}/{@code _non_prod}, by the victim's tier), agents
 * skipped for want of stored attributes ({@code preemptor_missing_attributes}), and the time of
 * one search round ({@code preemptor_slot_search_round}).
 */
final class PreemptorCounters {
  final Counter attemptsProd;
  final Counter attemptsNonProd;
  final Counter successProd;
  final Counter successNonProd;
  final Counter failedProd;
  final Counter failedNonProd;
  final Counter validationSuccess;
  final Counter validationFailed;
  final Counter preemptedProd;
  final Counter preemptedNonProd;
  final Counter missingAttributes;
  final Timer round;

  PreemptorCounters(MeterRegistry registry) {
    attemptsProd = registry.counter("preemptor_slot_search_attempts_for_prod");
    attemptsNonProd = registry.counter("preemptor_slot_search_attempts_for_non_prod");
    successProd = registry.counter("preemptor_slot_search_success_for_prod");
    successNonProd = registry.counter("preemptor_slot_search_success_for_non_prod");
    failedProd = registry.counter("preemptor_slot_search_failed_for_prod");
    failedNonProd = registry.counter("preemptor_slot_search_failed_for_non_prod");
    validationSuccess = registry.counter("preemptor_slot_validation_success");
    validationFailed = registry.counter("preemptor_slot_validation_failed");
    preemptedProd = registry.counter("preemptor_tasks_preempted_prod");
    preemptedNonProd = registry.counter("preemptor_tasks_preempted_non_prod");
    missingAttributes = registry.counter("preemptor_missing_attributes");
    round = registry.timer("preemptor_slot_search_round");
  }

  void searched(boolean production, boolean found) {
    (production ? attemptsProd : attemptsNonProd).increment();
    if (found) {
      (production ? successProd : successNonProd).increment();
    } else {
      (production ? failedProd : failedNonProd).increment();
    }
  }
}
