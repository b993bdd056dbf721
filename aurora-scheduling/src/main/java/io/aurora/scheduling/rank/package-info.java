/**
 * Ranking of feasible offers for a task group: a {@link io.aurora.scheduling.rank.Scorer} gives
 * each offer a score, higher first. Pure; embedders plug in their own.
 */
package io.aurora.scheduling.rank;
