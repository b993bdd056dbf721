package io.aurora.server.client.cli;

import org.apache.thrift.transport.TTransportException;

/**
 * The scheduler answered HTTP 401 or 403: it wants credentials we did not send or refused those we
 * did. A transport failure of its own kind, so {@link SchedulerCalls} can end the command with
 * {@link ExitCodes#AUTH_ERROR} (Aurora's client's 30) instead of a network error.
 */
public final class AuthFailureException extends TTransportException {
  private static final long serialVersionUID = 1L;

  public AuthFailureException(String message) {
    super(message);
  }
}
