package io.aurora.log;

/**
 * The configured quorum is not a strict majority of the replicas this replica knows of, so two
 * writers could win disjoint quorums and fork the log. The message names the right value.
 */
public class QuorumMisconfiguredException extends ElectionFailedException {
  private static final long serialVersionUID = 1L;
  private final int configuredQuorum;
  private final int knownReplicas;

  public QuorumMisconfiguredException(int configuredQuorum, int knownReplicas) {
    super(String.format(
        "quorum %d is not a majority of the %d replicas this log knows of (ever voted or in the group);"
            + " refusing to write. Set -native_log_quorum_size=%d",
        configuredQuorum, knownReplicas, knownReplicas / 2 + 1));
    this.configuredQuorum = configuredQuorum;
    this.knownReplicas = knownReplicas;
  }

  public int configuredQuorum() {
    return configuredQuorum;
  }

  public int knownReplicas() {
    return knownReplicas;
  }

  /** floor(N/2)+1 for the N replicas this log knows of. */
  public int requiredQuorum() {
    return knownReplicas / 2 + 1;
  }
}
