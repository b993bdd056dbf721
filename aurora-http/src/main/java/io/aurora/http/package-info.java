/**
 * The scheduler's HTTP admin server (Undertow): {@link io.aurora.http.AdminServer} composes the
 * pages of the sub-packages behind the request statistics and the leader redirect.
 *
 * <ul>
 *   <li>{@code admin}: /health, /leaderhealth, /quitquitquit, /abortabortabort.
 *   <li>{@code vars}: /vars, /vars.json, /metrics and the {@code http_<status>_responses} timers.
 *   <li>{@code api}: /api, the Thrift {@code AuroraAdmin} service over HTTP.
 *   <li>{@code redirect}: the leader redirect for leader-only pages.
 * </ul>
 *
 * <p>Nothing here holds scheduler state: every collaborator (registry, leader locator, Thrift
 * service, lifecycle hooks) is injected, so the daemon decides what the pages show.
 */
package io.aurora.http;
