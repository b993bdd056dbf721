/**
 * {@code aurora update}: start an update from a job file ({@code UpdateRequestBuilder} makes the
 * request as Aurora's client does), steer it (pause, resume, abort, rollback, pulse), read it (list,
 * info) and wait for it with a progress line ({@code UpdateWaiter}, {@code UpdateTally}). KEY-OR-JOB
 * arguments are {@code UpdateTarget}s, resolved by {@code UpdateLookup}. Commands reach the
 * scheduler only through {@link io.aurora.server.client.cli.ClientContext}.
 */
package io.aurora.server.client.update;
