package io.aurora.scheduling.thrift;

import static io.aurora.scheduling.thrift.InvalidRequestException.check;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobKey;
import io.aurora.gen.TaskQuery;
import java.util.Set;

/**
 * Checks of call arguments other than job configurations (those are {@link ConfigValidator}'s):
 * roles, job keys that name a job to read, task queries and instance ids. Each failure is an
 * {@link InvalidRequestException} whose message names the argument. Pure.
 */
public final class RequestChecks {
  private RequestChecks() {}

  /** {@code role} must be a good identifier; {@code field} names the argument in the message. */
  public static String checkRole(String field, String role) {
    check(role != null, field + " is required");
    check(JobKeys.isGoodIdentifier(role),
        field + " '" + role + "' must match " + JobKeys.GOOD_IDENTIFIER.pattern());
    return role;
  }

  /**
   * A job key naming a job to look at: present, each component a good identifier. The environment
   * is not held against {@code -allowed_job_environments}: no such job exists, which a read
   * answers with an empty result.
   */
  public static JobKey checkJobKey(String field, JobKey key) {
    check(key != null, field + " is required");
    checkComponent(field, "role", key.getRole());
    checkComponent(field, "environment", key.getEnvironment());
    checkComponent(field, "name", key.getName());
    return key;
  }

  /**
   * A task query as a caller sent it: present, {@code offset} and {@code limit} not negative.
   * Returns the query to run, which is {@code query} itself unless {@code offset + limit} would
   * overflow an int; then a copy whose limit is cut to what can still be returned.
   */
  public static TaskQuery checkQuery(TaskQuery query) {
    check(query != null, "query is required");
    check(query.getOffset() >= 0, "query.offset must not be negative, got " + query.getOffset());
    check(query.getLimit() >= 0, "query.limit must not be negative, got " + query.getLimit());
    if (query.getOffset() > 0 && query.getLimit() > Integer.MAX_VALUE - query.getOffset()) {
      return query.deepCopy().setLimit(Integer.MAX_VALUE - query.getOffset());
    }
    return query;
  }

  /**
   * Whether {@code query} asks for at most zero tasks ({@code limit} set to 0): such a query
   * selects nothing (a store treats an unset limit, also 0, as no limit).
   */
  public static boolean selectsNothing(TaskQuery query) {
    return query.isSetLimit() && query.getLimit() == 0;
  }

  /**
   * Instance ids a caller names ({@code killTasks} instances, {@code restartShards} shardIds):
   * none null or negative. Null or empty is allowed: the caller decides what it means.
   */
  public static Set<Integer> checkInstanceIds(String field, Set<Integer> ids) {
    if (ids != null) {
      for (Integer id : ids) {
        check(id != null && id >= 0, field + ": instance ids must not be negative, got " + id);
      }
    }
    return ids;
  }

  private static void checkComponent(String field, String component, String value) {
    check(value != null && JobKeys.isGoodIdentifier(value), field + " " + component + " '" + value
        + "' must match " + JobKeys.GOOD_IDENTIFIER.pattern());
  }
}
