package io.aurora.log.discovery;

import io.aurora.log.transport.PeerAddress;
import java.io.Closeable;
import java.util.Set;

/** The set of replicas in a log's group, as this replica currently sees it. */
public interface ReplicaGroup extends Closeable {

  /** Gets the member set whenever it changes. */
  @FunctionalInterface
  interface Listener {
    /**
     * Called with the complete, current member set (an immutable copy), first once the group is
     * known after {@link #start} and then on every change. Calls never overlap; they come from the
     * group's own thread and must return quickly.
     */
    void onMembers(Set<PeerAddress> members);
  }

  /** Joins the group (if this implementation registers) and starts notifying {@code listener}. */
  void start(Listener listener);

  /** The last member set seen; empty before the group is first known. */
  Set<PeerAddress> members();

  /** Leaves the group and stops notifying. */
  @Override
  void close();
}
