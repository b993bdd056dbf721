package io.aurora.log.discovery;

import io.aurora.log.transport.PeerAddress;
import java.util.Objects;
import java.util.Set;

/** A fixed group given up front, e.g. from a {@code host:port,host:port} flag. */
public final class StaticReplicaGroup implements ReplicaGroup {
  private final Set<PeerAddress> members;

  public StaticReplicaGroup(Set<PeerAddress> members) {
    this.members = Set.copyOf(members);
  }

  /** Parses a comma-separated list of {@code host:port}; blanks around entries are ignored. */
  public static StaticReplicaGroup parse(String commaSeparated) {
    Objects.requireNonNull(commaSeparated, "commaSeparated");
    java.util.LinkedHashSet<PeerAddress> parsed = new java.util.LinkedHashSet<>();
    for (String part : commaSeparated.split(",")) {
      if (!part.isBlank()) {
        parsed.add(PeerAddress.parse(part));
      }
    }
    return new StaticReplicaGroup(parsed);
  }

  /** Calls {@code listener} once, on the caller's thread, with the fixed members. */
  @Override
  public void start(Listener listener) {
    listener.onMembers(members);
  }

  @Override
  public Set<PeerAddress> members() {
    return members;
  }

  @Override
  public void close() {}
}
