package io.aurora.scheduling.sla;

import java.util.Objects;

/**
 * Whether a task may go down now, and why.
 *
 * @param allowed whether the policy allows it
 * @param reason a short text for logs and the client ("2 of 3 required instances up")
 */
public record SlaVerdict(boolean allowed, String reason) {
  public SlaVerdict {
    Objects.requireNonNull(reason, "reason");
  }

  static SlaVerdict allow(String reason) {
    return new SlaVerdict(true, reason);
  }

  static SlaVerdict deny(String reason) {
    return new SlaVerdict(false, reason);
  }
}
