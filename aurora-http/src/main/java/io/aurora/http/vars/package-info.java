/**
 * Metrics pages, all read from the one injected Micrometer {@code MeterRegistry}: {@code /vars}
 * (Aurora's {@code name value} lines), {@code /vars.json} (the same as a JSON object),
 * {@code /metrics} (the Prometheus text format), plus {@link io.aurora.http.vars.HttpStatsHandler}
 * which times every response as {@code http_<status>_responses}.
 *
 * <p>How a meter becomes a {@code /vars} name is defined once, in {@link io.aurora.http.vars.VarNames}.
 * No static registries ({@code Metrics.globalRegistry}) are used here.
 */
package io.aurora.http.vars;
