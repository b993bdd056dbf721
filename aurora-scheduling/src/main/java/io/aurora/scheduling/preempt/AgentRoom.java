package io.aurora.scheduling.preempt;

import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.resources.ResourceBag;
import java.util.List;
import java.util.Objects;

/**
 * One agent as the slot search sees it: the host (its attributes and maintenance mode, and as
 * {@code host.free()} its slack, the non-revocable room its current offer has, or nothing
 * without an offer) and the active tasks on it.
 *
 * @param host the agent's placement view; {@code free} is its slack
 * @param tasks the active tasks on the agent
 */
public record AgentRoom(HostOffer host, List<Candidate> tasks) {

  public AgentRoom {
    Objects.requireNonNull(host, "host");
    tasks = List.copyOf(tasks);
  }

  /** The agent's id. */
  public String agentId() {
    return host.agentId();
  }

  /** The slack plus what preempting every task would free (an upper bound on the room). */
  public ResourceBag roomIfAllPreempted() {
    ResourceBag room = host.free();
    for (Candidate c : tasks) {
      room = room.plus(c.freed());
    }
    return room;
  }

  /** The slack plus what preempting every preemptible task would free. */
  public ResourceBag roomIfPreemptiblePreempted() {
    ResourceBag room = host.free();
    for (Candidate c : tasks) {
      if (c.preemptible()) {
        room = room.plus(c.freed());
      }
    }
    return room;
  }
}
