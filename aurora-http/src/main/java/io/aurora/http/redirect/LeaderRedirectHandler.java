package io.aurora.http.redirect;

import io.aurora.gen.apiConstants;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.util.Objects;
import java.util.Optional;

/**
 * Wraps the page handlers. For a leader-only path (see {@link LeaderOnlyPaths}) on a process that
 * does not lead: with the {@code Bypass-Leader-Redirect} header, serve locally (clients use it to
 * read a follower's state); when another leader is known, 307 to the same path and query on the
 * leader (307 keeps the method and body, so a Thrift POST is replayed there); otherwise 503 with
 * a message. All other paths pass straight through.
 */
public final class LeaderRedirectHandler implements HttpHandler {
  private static final HttpString BYPASS =
      new HttpString(apiConstants.BYPASS_LEADER_REDIRECT_HEADER_NAME);

  private final LeaderLocator locator;
  private final LeaderOnlyPaths leaderOnly;
  private final HttpHandler next;

  /** Creates the redirect in front of {@code next}. */
  public LeaderRedirectHandler(LeaderLocator locator, LeaderOnlyPaths leaderOnly, HttpHandler next) {
    this.locator = Objects.requireNonNull(locator, "locator");
    this.leaderOnly = Objects.requireNonNull(leaderOnly, "leaderOnly");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!leaderOnly.matches(exchange.getRequestPath())
        || exchange.getRequestHeaders().contains(BYPASS)
        || locator.isLeader()) {
      next.handleRequest(exchange);
      return;
    }
    Optional<LeaderEndpoint> leader = locator.otherLeader();
    if (leader.isPresent()) {
      exchange.setStatusCode(StatusCodes.TEMPORARY_REDIRECT);
      exchange.getResponseHeaders().put(Headers.LOCATION, location(exchange, leader.get()));
      exchange.endExchange();
      return;
    }
    exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange
        .getResponseSender()
        .send(
            "No leading scheduler is known, so "
                + exchange.getRequestPath()
                + " cannot be served. Retry shortly, or send the "
                + apiConstants.BYPASS_LEADER_REDIRECT_HEADER_NAME
                + " header to read this scheduler's own view.\n");
  }

  /** {@code <scheme>://<leader>/<original path>[?<query>]}, the path as the client sent it. */
  static String location(HttpServerExchange exchange, LeaderEndpoint leader) {
    String query = exchange.getQueryString();
    return exchange.getRequestScheme()
        + "://"
        + leader.authority()
        + (exchange.isHostIncludedInRequestURI()
            ? exchange.getRequestPath()
            : exchange.getRequestURI())
        + (query == null || query.isEmpty() ? "" : "?" + query);
  }
}
