/**
 * Production quota: what a role's production, non-dedicated ("prod shared") work consumes and
 * whether a change keeps it within the role's quota. {@link io.aurora.scheduling.quota.QuotaMath}
 * and {@link io.aurora.scheduling.quota.JobFootprint} are pure arithmetic on values;
 * {@link io.aurora.scheduling.quota.QuotaCheck} reads them from the stores of the caller's
 * transaction, so that a check and the write it guards are one step. No IO, threads or clocks;
 * must not import the thrift or updater packages (they call in here).
 */
package io.aurora.scheduling.quota;
