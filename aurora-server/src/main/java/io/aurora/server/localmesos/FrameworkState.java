package io.aurora.server.localmesos;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;

/** The master's view of one framework. Guarded by the master's lock. */
final class FrameworkState {
  final FrameworkID id;
  FrameworkInfo info;
  /** The live subscription, or null while disconnected (within the failover timeout). */
  EventSink sink;
  ScheduledFuture<?> failoverTimer;
  boolean suppressed;
  /** Agents whose resources this framework refused, until when. */
  final Map<AgentID, Instant> refusedUntil = new HashMap<>();
  final Map<TaskID, TaskRecord> tasks = new LinkedHashMap<>();

  FrameworkState(FrameworkID id, FrameworkInfo info) {
    this.id = id;
    this.info = info;
  }

  String role() {
    if (info.getRolesCount() > 0) {
      return info.getRoles(0);
    }
    return info.hasRole() ? info.getRole() : "*";
  }

  /** Sends a status update on the live subscription; dropped while disconnected. */
  void sendUpdate(TaskStatus status) {
    if (sink != null) {
      sink.send(Event.newBuilder().setType(Event.Type.UPDATE)
          .setUpdate(Event.Update.newBuilder().setStatus(status)).build());
    }
  }

  /** Whether the framework subscribed with REVOCABLE_RESOURCES (only then is it offered any). */
  boolean receivesRevocable() {
    return info.getCapabilitiesList().stream()
        .anyMatch(c -> c.getType() == FrameworkInfo.Capability.Type.REVOCABLE_RESOURCES);
  }

  boolean partitionAware() {
    return info.getCapabilitiesList().stream()
        .anyMatch(c -> c.getType() == FrameworkInfo.Capability.Type.PARTITION_AWARE);
  }
}
