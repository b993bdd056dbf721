/**
 * The leader redirect: a follower sends clients of leader-only pages to the leader (307), serves
 * them itself when the {@code Bypass-Leader-Redirect} header is present, and answers 503 when no
 * leader is known. Leadership comes from an injected {@link io.aurora.http.redirect.LeaderLocator};
 * this package knows nothing of ZooKeeper.
 */
package io.aurora.http.redirect;
