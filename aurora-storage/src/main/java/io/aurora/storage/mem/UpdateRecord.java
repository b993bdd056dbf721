package io.aurora.storage.mem;

import com.google.common.collect.ImmutableList;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateEvent;
import java.util.List;
import java.util.Objects;

/** A stored job update and its histories; never modified once stored. */
record UpdateRecord(JobUpdate update, List<JobUpdateEvent> events,
    List<JobInstanceUpdateEvent> instanceEvents) {

  UpdateRecord {
    Objects.requireNonNull(update, "update");
    events = ImmutableList.copyOf(events);
    instanceEvents = ImmutableList.copyOf(instanceEvents);
  }

  UpdateRecord withUpdate(JobUpdate newUpdate) {
    return new UpdateRecord(newUpdate, events, instanceEvents);
  }

  UpdateRecord plusEvent(JobUpdateEvent event) {
    return new UpdateRecord(update,
        ImmutableList.<JobUpdateEvent>builder().addAll(events).add(event).build(), instanceEvents);
  }

  UpdateRecord plusInstanceEvent(JobInstanceUpdateEvent event) {
    return new UpdateRecord(update, events,
        ImmutableList.<JobInstanceUpdateEvent>builder().addAll(instanceEvents).add(event).build());
  }
}
