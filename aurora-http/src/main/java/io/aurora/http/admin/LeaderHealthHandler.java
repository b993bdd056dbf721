package io.aurora.http.admin;

import io.aurora.http.redirect.LeaderLocator;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.Objects;

/**
 * {@code /leaderhealth}: 200 when this process leads, 503 when another process leads, 502 when
 * there is no leader or it is unknown. Load balancers use it to send traffic only to the leader.
 */
public final class LeaderHealthHandler implements HttpHandler {
  private static final String HELP =
      "\n\nThis endpoint answers 200 if this scheduler is the leader, 503 if another scheduler"
          + " leads, and 502 if there is no leader or it is unknown.\n";

  private final LeaderLocator locator;

  /** Creates the handler over the process's view of leadership. */
  public LeaderHealthHandler(LeaderLocator locator) {
    this.locator = Objects.requireNonNull(locator, "locator");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    int status;
    String state;
    if (locator.isLeader()) {
      status = StatusCodes.OK;
      state = "LEADING";
    } else if (locator.otherLeader().isPresent()) {
      status = StatusCodes.SERVICE_UNAVAILABLE;
      state = "NOT_LEADING (leader is " + locator.otherLeader().get() + ")";
    } else {
      status = StatusCodes.BAD_GATEWAY;
      state = "NO_LEADER";
    }
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send("Current status: " + state + HELP);
  }
}
