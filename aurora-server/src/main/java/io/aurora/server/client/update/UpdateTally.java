package io.aurora.server.client.update;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.server.client.cli.InstanceSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How far an update has come, from its details: each instance counts by its latest instance event
 * ({@code INSTANCE_UPDATED} or {@code INSTANCE_ROLLED_BACK}: done; {@code *_FAILED}: failed); the
 * total is every instance of the update's desired and initial states. Once the update rolls back,
 * only the instances it touched have anything to undo: the total is those, and only rollback
 * events count (a forward failure is not a failed rollback).
 */
record UpdateTally(int done, int failed, int total, JobUpdateStatus status) {
  static UpdateTally of(JobUpdateDetails details) {
    SortedSet<Integer> instances = new TreeSet<>();
    JobUpdateInstructions instructions = details.getUpdate().getInstructions();
    if (instructions != null) {
      if (instructions.getDesiredState() != null) {
        instances.addAll(InstanceSpec.idsOf(instructions.getDesiredState().getInstances()));
      }
      if (instructions.getInitialState() != null) {
        for (InstanceTaskConfig initial : instructions.getInitialState()) {
          instances.addAll(InstanceSpec.idsOf(initial.getInstances()));
        }
      }
    }
    Map<Integer, JobUpdateAction> latest = new HashMap<>();
    List<JobInstanceUpdateEvent> events = details.getInstanceEvents() == null
        ? new ArrayList<>() : new ArrayList<>(details.getInstanceEvents());
    // A stable sort: events of one millisecond keep the scheduler's order.
    events.sort(Comparator.comparingLong(JobInstanceUpdateEvent::getTimestampMs));
    for (JobInstanceUpdateEvent event : events) {
      latest.put(event.getInstanceId(), event.getAction());
      instances.add(event.getInstanceId());
    }
    JobUpdateStatus status = details.getUpdate().getSummary().getState().getStatus();
    if (BACKWARD.contains(status)) {
      latest.replaceAll((instance, action) -> ROLLBACK_ACTIONS.contains(action) ? action : null);
      instances.clear();
      instances.addAll(latest.keySet());
    }
    int done = 0;
    int failed = 0;
    for (JobUpdateAction action : latest.values()) {
      if (action == JobUpdateAction.INSTANCE_UPDATED || action == JobUpdateAction.INSTANCE_ROLLED_BACK) {
        done++;
      } else if (action == JobUpdateAction.INSTANCE_UPDATE_FAILED
          || action == JobUpdateAction.INSTANCE_ROLLBACK_FAILED) {
        failed++;
      }
    }
    return new UpdateTally(done, failed, instances.size(), status);
  }

  private static final Set<JobUpdateStatus> BACKWARD = EnumSet.of(JobUpdateStatus.ROLLING_BACK,
      JobUpdateStatus.ROLL_BACK_PAUSED, JobUpdateStatus.ROLL_BACK_AWAITING_PULSE,
      JobUpdateStatus.ROLLED_BACK);

  private static final Set<JobUpdateAction> ROLLBACK_ACTIONS = EnumSet.of(
      JobUpdateAction.INSTANCE_ROLLING_BACK, JobUpdateAction.INSTANCE_ROLLED_BACK,
      JobUpdateAction.INSTANCE_ROLLBACK_FAILED);

  @Override
  public String toString() {
    return done + " of " + total + " instances done, " + failed + " failed, " + status;
  }
}
