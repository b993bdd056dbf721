/**
 * SLA decisions as pure functions: whether taking one task of a job down (a maintenance drain, an
 * SLA-aware update's kill) keeps the job within its count or percentage policy, with Aurora's
 * relaxations ({@link io.aurora.scheduling.sla.SlaRules}). No clocks, threads, storage or network:
 * the caller passes the time and the job's tasks. Coordinator policies are asked over HTTP by
 * {@code io.aurora.scheduling.slacoord}; the drains that use both are
 * {@code io.aurora.scheduling.maintenance}.
 */
package io.aurora.scheduling.sla;
