package io.aurora.scheduling.thrift;

import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;

/**
 * The answer of methods whose capability a later release brings: ERROR with a message that says
 * which capability and that it is not available yet.
 */
final class NotYetAvailable {
  private NotYetAvailable() {}

  static Response of(String method, String capability) {
    return Responses.withCode(ResponseCode.ERROR,
        method + " is not available yet: " + capability + " are not implemented in this version.");
  }
}
