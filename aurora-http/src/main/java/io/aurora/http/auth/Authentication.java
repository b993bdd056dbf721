package io.aurora.http.auth;

import io.aurora.scheduling.auth.Caller;
import java.util.Objects;

/** What the {@code Authorization} header of one request established. */
public sealed interface Authentication {
  /** Credentials that were accepted, or everyone while authentication is off. */
  record Accepted(Caller caller) implements Authentication {
    public Accepted {
      Objects.requireNonNull(caller, "caller");
    }
  }

  /** No credentials (or a scheme this server does not use): the caller may only read. */
  record Anonymous() implements Authentication {}

  /**
   * Credentials that were refused or could not be read; the answer is 401.
   *
   * @param reason why, for the response body; never contains the credentials
   */
  record Rejected(String reason) implements Authentication {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
