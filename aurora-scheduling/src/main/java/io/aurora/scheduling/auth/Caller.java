package io.aurora.scheduling.auth;

/**
 * Who makes an API call, as the transport established it. Implementations decide how permissions
 * match (aurora-http uses Shiro's wildcard permissions); see {@link Callers} for the two callers
 * that hold no credentials.
 */
public interface Caller {
  /** The name recorded in task events, job update events and the audit log. */
  String name();

  /**
   * False for a caller who sent no credentials while authentication is on: such a caller may
   * only read.
   */
  boolean authenticated();

  /**
   * Whether this caller holds {@code permission}, a colon-separated permission such as {@code
   * thrift.AuroraAdmin:setQuota}.
   */
  boolean isPermitted(String permission);
}
