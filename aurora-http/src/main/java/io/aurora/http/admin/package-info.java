/**
 * One Undertow handler per administrative page: /health, /leaderhealth, /quitquitquit,
 * /abortabortabort and /cron. Handlers hold no state of their own; they read an injected
 * {@link io.aurora.http.redirect.LeaderLocator} or supplier, or call injected hooks. No scheduler
 * imports.
 */
package io.aurora.http.admin;
