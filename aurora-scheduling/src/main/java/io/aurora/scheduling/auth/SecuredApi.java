package io.aurora.scheduling.auth;

import io.aurora.gen.AuroraAdmin;
import io.aurora.scheduling.thrift.AuroraAdminService;
import java.util.Objects;

/**
 * The API as each caller may use it: the one place where permissions are checked. Transports
 * (the HTTP {@code /api}, the Thrift TCP port) establish a {@link Caller} and serve the call
 * through {@link #forCaller}; the service then records that caller as the actor of what it does.
 */
public final class SecuredApi {
  private final AuroraAdminService service;
  private final AuditLog audit;

  /**
   * @param service the API, which records {@code UNSECURE} until {@link #forCaller} names a user
   * @param audit where each state-changing call is recorded
   */
  public SecuredApi(AuroraAdminService service, AuditLog audit) {
    this.service = Objects.requireNonNull(service, "service");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** The API for one call (or one connection) by {@code caller}. Cheap. */
  public AuroraAdmin.Iface forCaller(Caller caller) {
    Objects.requireNonNull(caller, "caller");
    return new AuthorizingApi(caller, service.actingFor(caller.name()), audit);
  }
}
