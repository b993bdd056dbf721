package io.aurora.http.auth;

import io.aurora.scheduling.auth.ApiMethods;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.Objects;

/**
 * Lets only an administrator through to the pages that stop the scheduler ({@code
 * /quitquitquit}, {@code /abortabortabort}). An administrator holds {@value #PERMISSION}: every
 * admin call, which the INI's {@code *} grants. No or refused credentials get 401 with the
 * challenge, a user without the permission 403. With authentication off everyone is let through,
 * as before.
 */
public final class AdminOnlyHandler implements HttpHandler {
  /** What an administrator holds. */
  public static final String PERMISSION = ApiMethods.ADMIN_DOMAIN + ":*";

  private final RequestAuthenticator authenticator;
  private final HttpHandler next;

  public AdminOnlyHandler(RequestAuthenticator authenticator, HttpHandler next) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Authentication authentication =
        authenticator.authenticate(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
    if (authentication instanceof Authentication.Accepted) {
      Authentication.Accepted accepted = (Authentication.Accepted) authentication;
      if (accepted.caller().isPermitted(PERMISSION)) {
        next.handleRequest(exchange);
        return;
      }
      answer(exchange, StatusCodes.FORBIDDEN, "User " + accepted.caller().name()
          + " may not use " + exchange.getRequestPath() + ": missing permission " + PERMISSION);
      return;
    }
    exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, authenticator.challenge());
    answer(exchange, StatusCodes.UNAUTHORIZED, exchange.getRequestPath()
        + " requires an administrator's user name and password (HTTP Basic)");
  }

  private static void answer(HttpServerExchange exchange, int status, String message) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    exchange.getResponseSender().send(message + "\n");
  }
}
