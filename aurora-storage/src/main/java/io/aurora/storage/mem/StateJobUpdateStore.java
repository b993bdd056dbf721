package io.aurora.storage.mem;

import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateState;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.storage.JobUpdateStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The read side of the job update store; derives each summary's state from its events. */
class StateJobUpdateStore implements JobUpdateStore {
  final Supplier<StoreState> state;

  StateJobUpdateStore(Supplier<StoreState> state) {
    this.state = state;
  }

  @Override
  public Optional<JobUpdateDetails> fetchJobUpdate(JobUpdateKey key) {
    return Optional.ofNullable(state.get().updates.get(key)).map(StateJobUpdateStore::details);
  }

  @Override
  public List<JobUpdateDetails> fetchJobUpdates(JobUpdateQuery query) {
    List<JobUpdateDetails> matches = new ArrayList<>();
    state.get().updates.forEach((key, record) -> {
      JobUpdateDetails details = details(record);
      if (matches(query, details.getUpdate().getSummary())) {
        matches.add(details);
      }
    });
    matches.sort(Comparator.<JobUpdateDetails>comparingLong(
            d -> d.getUpdate().getSummary().getState().getCreatedTimestampMs()).reversed()
        .thenComparing(d -> d.getUpdate().getSummary().getKey()));
    int from = Math.min(Math.max(query.getOffset(), 0), matches.size());
    int to = query.getLimit() > 0 ? Math.min(matches.size(), from + query.getLimit())
        : matches.size();
    return new ArrayList<>(matches.subList(from, to));
  }

  @Override
  public Set<JobUpdateKey> fetchUpdateKeys() {
    Set<JobUpdateKey> keys = new HashSet<>();
    state.get().updates.forEach((key, record) -> keys.add(key.deepCopy()));
    return keys;
  }

  private static boolean matches(JobUpdateQuery query, JobUpdateSummary summary) {
    JobUpdateKey key = summary.getKey();
    return (query.getRole() == null || query.getRole().equals(key.getJob().getRole()))
        && (query.getKey() == null || query.getKey().equals(key))
        && (query.getJobKey() == null || query.getJobKey().equals(key.getJob()))
        && (query.getUser() == null || query.getUser().equals(summary.getUser()))
        && (query.getUpdateStatuses() == null || query.getUpdateStatuses().isEmpty()
            || query.getUpdateStatuses().contains(summary.getState().getStatus()));
  }

  /** A caller-owned copy with {@code summary.state} derived from the events. */
  static JobUpdateDetails details(UpdateRecord record) {
    JobUpdateDetails details = new JobUpdateDetails();
    details.setUpdate(record.update().deepCopy());
    List<JobUpdateEvent> events = new ArrayList<>();
    record.events().forEach(e -> events.add(e.deepCopy()));
    List<JobInstanceUpdateEvent> instanceEvents = new ArrayList<>();
    record.instanceEvents().forEach(e -> instanceEvents.add(e.deepCopy()));
    details.setUpdateEvents(events);
    details.setInstanceEvents(instanceEvents);
    if (!events.isEmpty()) {
      JobUpdateEvent first = events.get(0);
      JobUpdateEvent last = events.get(events.size() - 1);
      long modified = last.getTimestampMs();
      for (JobInstanceUpdateEvent e : instanceEvents) {
        modified = Math.max(modified, e.getTimestampMs());
      }
      details.getUpdate().getSummary().setState(
          new JobUpdateState(last.getStatus(), first.getTimestampMs(), modified));
    } else if (details.getUpdate().getSummary().getState() == null) {
      details.getUpdate().getSummary().setState(new JobUpdateState());
    }
    return details;
  }
}
