package io.aurora.http.auth;

import io.aurora.scheduling.auth.Callers;

/**
 * Authenticates requests from their {@code Authorization} header. Never throws for what a client
 * sends: every header, however malformed, gives an {@link Authentication}.
 */
public interface RequestAuthenticator {
  /** Authentication off ({@code -http_authentication_mechanism=NONE}): everyone may do anything. */
  RequestAuthenticator NONE = new RequestAuthenticator() {
    @Override
    public Authentication authenticate(String authorization) {
      return new Authentication.Accepted(Callers.UNSECURED);
    }

    @Override
    public String challenge() {
      return "";
    }
  };

  /**
   * @param authorization the header's value, or null when the request has none
   */
  Authentication authenticate(String authorization);

  /** The {@code WWW-Authenticate} value sent with a 401. */
  String challenge();
}
