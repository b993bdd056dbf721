package io.aurora.scheduling.thrift;

import static io.aurora.scheduling.thrift.InvalidRequestException.check;

import io.aurora.api.JobKeys;
import io.aurora.gen.GetJobUpdateDetailsResult;
import io.aurora.gen.GetJobUpdateSummariesResult;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Response;
import io.aurora.gen.Result;
import io.aurora.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The job update reads of {@code ReadOnlyScheduler}: {@code getJobUpdateSummaries} and
 * {@code getJobUpdateDetails}, each from one read transaction. A query matches every term it sets
 * (role, key, job key, user, statuses); results come most recently modified first, after
 * {@code offset}, at most {@code limit} of them (0: no limit).
 */
public final class UpdateReadApi {
  private final Storage storage;

  public UpdateReadApi(Storage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  /** Summaries of the updates {@code query} matches; a null query matches every update. */
  public Response getJobUpdateSummaries(JobUpdateQuery query) {
    JobUpdateQuery checked = checkQuery(query == null ? new JobUpdateQuery() : query);
    List<JobUpdateSummary> summaries = new ArrayList<>();
    fetch(checked).forEach(d -> summaries.add(d.getUpdate().getSummary()));
    return Responses.ok(Result.getJobUpdateSummariesResult(
        new GetJobUpdateSummariesResult(summaries)));
  }

  /**
   * With {@code key}: that update as {@code details} and as the one element of
   * {@code detailsList} (INVALID_REQUEST if there is no such update). Otherwise with
   * {@code query}: the matching updates as {@code detailsList} and the first of them, if any, as
   * {@code details}. One of the two is required; the key wins if both are given.
   */
  public Response getJobUpdateDetails(JobUpdateKey key, JobUpdateQuery query) {
    check(key != null || query != null, "key or query is required");
    if (key != null) {
      checkKey(key);
      Optional<JobUpdateDetails> details =
          storage.read(s -> s.jobUpdateStore().fetchJobUpdate(key));
      check(details.isPresent(), "Invalid update: no update " + describe(key));
      List<JobUpdateDetails> list = new ArrayList<>(List.of(details.get()));
      return Responses.ok(Result.getJobUpdateDetailsResult(
          new GetJobUpdateDetailsResult().setDetails(details.get()).setDetailsList(list)));
    }
    List<JobUpdateDetails> list = fetch(checkQuery(query));
    GetJobUpdateDetailsResult result = new GetJobUpdateDetailsResult().setDetailsList(list);
    if (!list.isEmpty()) {
      result.setDetails(list.get(0));
    }
    return Responses.ok(Result.getJobUpdateDetailsResult(result));
  }

  private List<JobUpdateDetails> fetch(JobUpdateQuery query) {
    return storage.read(s -> s.jobUpdateStore().fetchJobUpdates(query));
  }

  /** Paging terms not negative; the other terms need no check (a bad one matches nothing). */
  private static JobUpdateQuery checkQuery(JobUpdateQuery query) {
    check(query.getOffset() >= 0, "query.offset must not be negative, got " + query.getOffset());
    check(query.getLimit() >= 0, "query.limit must not be negative, got " + query.getLimit());
    return query;
  }

  private static void checkKey(JobUpdateKey key) {
    RequestChecks.checkJobKey("key.job", key.getJob());
    check(key.getId() != null && !key.getId().isEmpty(), "key.id is required");
  }

  /** {@code role/env/name} and the id, as a user names an update. */
  static String describe(JobUpdateKey key) {
    return JobKeys.canonicalString(key.getJob()) + " with id " + key.getId();
  }
}
