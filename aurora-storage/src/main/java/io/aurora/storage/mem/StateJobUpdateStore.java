package io.aurora.storage.mem;

import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobKey;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The read side of the job update store; derives each summary's state from its events. */
class StateJobUpdateStore implements JobUpdateStore {
  /**
   * Aurora's order: the most recently modified first. Modification times change while an update
   * runs, so ties (and paging) are settled by creation time, newest first, then by key.
   */
  private static final Comparator<Match> NEWEST_FIRST =
      Comparator.<Match>comparingLong(m -> m.state().getLastModifiedTimestampMs()).reversed()
          .thenComparing(Comparator.<Match>comparingLong(
              m -> m.state().getCreatedTimestampMs()).reversed())
          .thenComparing(m -> m.record().update().getSummary().getKey());

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
    Objects.requireNonNull(query, "query");
    // Match and order on the derived states; copy only the page that is returned.
    List<Match> matches = new ArrayList<>();
    state.get().updates.forEach((key, record) -> {
      JobUpdateState derived = state(record);
      if (matches(query, record.update().getSummary(), derived)) {
        matches.add(new Match(record, derived));
      }
    });
    matches.sort(NEWEST_FIRST);
    int from = Math.min(Math.max(query.getOffset(), 0), matches.size());
    int to = query.getLimit() > 0 && query.getLimit() < matches.size() - from
        ? from + query.getLimit() : matches.size();
    List<JobUpdateDetails> page = new ArrayList<>(to - from);
    matches.subList(from, to).forEach(m -> page.add(details(m.record())));
    return page;
  }

  @Override
  public Set<JobUpdateKey> fetchUpdateKeys() {
    Set<JobUpdateKey> keys = new HashSet<>();
    state.get().updates.forEach((key, record) -> keys.add(key.deepCopy()));
    return keys;
  }

  private static boolean matches(JobUpdateQuery query, JobUpdateSummary summary,
      JobUpdateState derived) {
    JobUpdateKey key = summary.getKey();
    JobKey job = key == null ? null : key.getJob();
    return (query.getRole() == null || (job != null && query.getRole().equals(job.getRole())))
        && (query.getKey() == null || query.getKey().equals(key))
        && (query.getJobKey() == null || query.getJobKey().equals(job))
        && (query.getUser() == null || query.getUser().equals(summary.getUser()))
        && (query.getUpdateStatuses() == null || query.getUpdateStatuses().isEmpty()
            || query.getUpdateStatuses().contains(derived.getStatus()));
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
    details.getUpdate().getSummary().setState(state(record));
    return details;
  }

  /**
   * The state the events give: the latest update event's status, created at the first update
   * event, last modified at the latest event of either kind. Without events, the stored state (or
   * an empty one). A fresh object.
   */
  static JobUpdateState state(UpdateRecord record) {
    List<JobUpdateEvent> events = record.events();
    if (events.isEmpty()) {
      JobUpdateState stored = record.update().getSummary().getState();
      return stored == null ? new JobUpdateState() : stored.deepCopy();
    }
    JobUpdateEvent last = events.get(events.size() - 1);
    long modified = last.getTimestampMs();
    for (JobInstanceUpdateEvent e : record.instanceEvents()) {
      modified = Math.max(modified, e.getTimestampMs());
    }
    return new JobUpdateState(last.getStatus(), events.get(0).getTimestampMs(), modified);
  }

  /** A matching update with its derived state. */
  private record Match(UpdateRecord record, JobUpdateState state) {}
}
