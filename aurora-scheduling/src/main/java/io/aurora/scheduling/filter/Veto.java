package io.aurora.scheduling.filter;

import java.util.Map;
import java.util.Objects;

/**
 * Why a task cannot go to a host.
 *
 * @param kind the family of the reason
 * @param reason the human-readable reason shown by {@code getPendingReason}
 * @param score severity; higher means further from fitting (Aurora: dedicated 10^6, maintenance
 *     10^5, constraints 10^4, resources at most 1000). The weakest veto is the nearest fit.
 */
public record Veto(Kind kind, String reason, int score) {

  /** Families of vetoes. */
  public enum Kind {
    DEDICATED_CONSTRAINT_MISMATCH, MAINTENANCE, CONSTRAINT_MISMATCH, LIMIT_NOT_SATISFIED,
    INSUFFICIENT_RESOURCES, CUSTOM
  }

  public Veto {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  /** "Host is dedicated". */
  public static Veto dedicatedHost() {
    return new Veto(Kind.DEDICATED_CONSTRAINT_MISMATCH, "Host is dedicated", 1_000_000);
  }

  /** "Host draining for maintenance" or "Host drained for maintenance". */
  public static Veto maintenance(String modeWord) {
    return new Veto(Kind.MAINTENANCE, "Host " + modeWord + " for maintenance", 100_000);
  }

  /** "Constraint not satisfied: name". */
  public static Veto constraintMismatch(String name) {
    return new Veto(Kind.CONSTRAINT_MISMATCH, "Constraint not satisfied: " + name, 10_000);
  }

  /** "Limit not satisfied: name". */
  public static Veto limitNotSatisfied(String name) {
    return new Veto(Kind.LIMIT_NOT_SATISFIED, "Limit not satisfied: " + name, 10_000);
  }

  // Placement rejects full offers millions of times per round: share these instead of building
  // a string per rejection.
  private static final Map<String, Veto> INSUFFICIENT = Map.of(
      "cpus", build("cpus"), "ram", build("ram"), "disk", build("disk"), "gpus", build("gpus"),
      "ports", build("ports"), "offers", build("offers"));

  /** "Insufficient: resource". */
  public static Veto insufficient(String resource) {
    Veto shared = INSUFFICIENT.get(resource);
    return shared != null ? shared : build(resource);
  }

  private static Veto build(String resource) {
    return new Veto(Kind.INSUFFICIENT_RESOURCES, "Insufficient: " + resource, 1_000);
  }

  /** A veto of an embedder's own check. */
  public static Veto custom(String reason, int score) {
    return new Veto(Kind.CUSTOM, reason, score);
  }
}
