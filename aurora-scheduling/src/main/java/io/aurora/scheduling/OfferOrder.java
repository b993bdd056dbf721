package io.aurora.scheduling;

/** A key by which held offers are ordered before tasks are matched against them. */
public enum OfferOrder {
  /** Fewest CPUs first. */
  CPU,
  /** Least memory first. */
  MEMORY,
  /** Least disk first. */
  DISK,
  /** Fewest revocable CPUs first. */
  REVOCABLE_CPU,
  /** A random order, reshuffled on each pass. */
  RANDOM
}
