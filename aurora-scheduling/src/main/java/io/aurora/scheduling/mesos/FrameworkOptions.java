package io.aurora.scheduling.mesos;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;

/**
 * What the scheduler tells Mesos about itself on SUBSCRIBE. Checkpointing is always on: without it
 * an agent restart would lose every task of the framework.
 *
 * @param name framework name, e.g. {@code TwitterScheduler} ({@code -framework_name})
 * @param user the user tasks run as when they name none (the HTTP API requires it explicitly)
 * @param failoverTimeout how long Mesos keeps the tasks after the scheduler disconnects
 * @param role the role to register in ({@code -mesos_role}, default {@code *})
 * @param principal authentication principal, if any
 * @param capabilities e.g. PARTITION_AWARE, REVOCABLE_RESOURCES, GPU_RESOURCES; with MULTI_ROLE the
 *     role is sent in {@code roles}, otherwise in the single-role {@code role} field
 * @param hostname the hostname shown by the master, if any
 * @param webuiUrl the scheduler's UI address shown by the master, if any
 */
public record FrameworkOptions(
    String name,
    String user,
    Duration failoverTimeout,
    String role,
    Optional<String> principal,
    Set<Capability.Type> capabilities,
    Optional<String> hostname,
    Optional<String> webuiUrl) {

  /**
   * The scheduler's defaults: name {@code Aurora}, user {@code root}, a failover timeout of 21
   * days, role {@code *}, no principal, no capabilities, no host name or UI address.
   */
  public static final FrameworkOptions DEFAULTS = new FrameworkOptions("Aurora", "root",
      Duration.ofDays(21), "*", Optional.empty(), Set.of(), Optional.empty(), Optional.empty());

  /** Checks arguments and copies the capability set. */
  public FrameworkOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(failoverTimeout, "failoverTimeout");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(webuiUrl, "webuiUrl");
    capabilities = Set.copyOf(capabilities);
    if (failoverTimeout.isNegative()) {
      throw new IllegalArgumentException("negative failover timeout: " + failoverTimeout);
    }
  }

  /** Minimal options for tests and tools: role {@code *}, no capabilities. */
  public static FrameworkOptions of(String name, String user, Duration failoverTimeout) {
    return new FrameworkOptions(name, user, failoverTimeout, "*", Optional.empty(), Set.of(),
        Optional.empty(), Optional.empty());
  }

  /** These options under another framework name. */
  public FrameworkOptions withName(String newName) {
    return new FrameworkOptions(newName, user, failoverTimeout, role, principal, capabilities,
        hostname, webuiUrl);
  }

  /** These options with another default user for tasks. */
  public FrameworkOptions withUser(String newUser) {
    return new FrameworkOptions(name, newUser, failoverTimeout, role, principal, capabilities,
        hostname, webuiUrl);
  }

  /** These options with another failover timeout. */
  public FrameworkOptions withFailoverTimeout(Duration timeout) {
    return new FrameworkOptions(name, user, timeout, role, principal, capabilities, hostname,
        webuiUrl);
  }

  /** These options registering in {@code newRole}. */
  public FrameworkOptions withRole(String newRole) {
    return new FrameworkOptions(name, user, failoverTimeout, newRole, principal, capabilities,
        hostname, webuiUrl);
  }

  /** These options with {@code newCapabilities} (replacing the current set). */
  public FrameworkOptions withCapabilities(Set<Capability.Type> newCapabilities) {
    return new FrameworkOptions(name, user, failoverTimeout, role, principal, newCapabilities,
        hostname, webuiUrl);
  }

  /** These options showing {@code host} as the framework's host name in the master. */
  public FrameworkOptions withHostname(String host) {
    return new FrameworkOptions(name, user, failoverTimeout, role, principal, capabilities,
        Optional.of(host), webuiUrl);
  }

  /** The FrameworkInfo to subscribe with (without id; {@link Calls#subscribe} adds it). */
  public FrameworkInfo toFrameworkInfo() {
    FrameworkInfo.Builder info = FrameworkInfo.newBuilder()
        .setName(name)
        .setUser(user)
        .setFailoverTimeout(failoverTimeout.toMillis() / 1000.0)
        .setCheckpoint(true);
    if (capabilities.contains(Capability.Type.MULTI_ROLE)) {
      info.addRoles(role);
    } else {
      info.setRole(role);
    }
    capabilities.stream().sorted()
        .forEach(type -> info.addCapabilities(Capability.newBuilder().setType(type)));
    principal.ifPresent(info::setPrincipal);
    hostname.ifPresent(info::setHostname);
    webuiUrl.ifPresent(info::setWebuiUrl);
    return info.build();
  }
}
