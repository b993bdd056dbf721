/**
 * {@code aurora-bench preempt}: production work preempting its way onto a cluster full of
 * preemptible tasks ({@link io.aurora.server.bench.preempt.PreemptBench}).
 */
package io.aurora.server.bench.preempt;
