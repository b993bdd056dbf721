package io.aurora.server.flags;

import io.aurora.scheduling.mesos.FrameworkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import picocli.CommandLine.Option;

/** How the scheduler registers with Mesos. */
public final class MesosFlags implements FlagGroup {
  /** Aurora's choice of Mesos driver; kept so old command lines parse. */
  public enum DriverChoice { SCHEDULER_DRIVER, V0_DRIVER, V1_DRIVER }

  @Option(names = "-mesos_master_address", required = true,
      description = "Mesos master as host:port, zk://host:port,.../path, or local for an embedded master.")
  private String mesosMasterAddress;

  @Option(names = "-mesos_driver", defaultValue = "SCHEDULER_DRIVER",
      description = "Accepted for compatibility with Aurora; every value speaks the Mesos v1 HTTP scheduler API.")
  private DriverChoice mesosDriver;

  @Option(names = "-framework_name", defaultValue = "Aurora",
      description = "Framework name registered with Mesos.")
  private String frameworkName;

  @Option(names = "-executor_user", defaultValue = "root",
      description = "User the framework registers as; tasks without a user run as this user.")
  private String executorUser;

  @Option(names = "-framework_failover_timeout", defaultValue = "21days",
      description = "How long Mesos keeps the framework's tasks running while no scheduler is registered.")
  private Duration frameworkFailoverTimeout;

  @Option(names = "-max_registration_delay", defaultValue = "1mins",
      description = "A new leader that has not registered with Mesos within this time exits.")
  private Duration maxRegistrationDelay;

  @Option(names = "-framework_authentication_file",
      description = "Properties file with aurora_authentication_principal and aurora_authentication_secret for Mesos authentication. (not yet used: arrives with authentication)")
  private Path frameworkAuthenticationFile;

  @Option(names = "-framework_announce_principal", arity = "0..1", defaultValue = "false",
      description = "Send the authentication principal in the framework info. (not yet used: arrives with authentication)")
  private boolean frameworkAnnouncePrincipal;

  @Option(names = "-mesos_role",
      description = "Mesos role the framework registers with; unset means the default role.")
  private String mesosRole;

  @Option(names = "-receive_revocable_resources", arity = "0..1", defaultValue = "false",
      description = "Ask Mesos for revocable resources (the REVOCABLE_RESOURCES capability); tasks of revocable tiers run only on them (see -enable_revocable_cpus and -enable_revocable_ram), so without this flag such tasks stay PENDING while either is on.")
  private boolean receiveRevocableResources;

  @Option(names = "-allow_gpu_resource", arity = "0..1", defaultValue = "false",
      description = "Ask Mesos for GPU resources (the GPU_RESOURCES capability); a task that asks for GPUs is placed only where an offer has them.")
  private boolean allowGpuResource;

  @Option(names = "-partition_aware", arity = "0..1", defaultValue = "false",
      description = "Register as partition-aware (the PARTITION_AWARE capability): tasks of unreachable agents are reported UNREACHABLE and become PARTITIONED, then LOST after their partition policy's delay (at once without a policy).")
  private boolean partitionAware;

  @Override
  public String title() {
    return "Mesos and framework";
  }

  /**
   * What the scheduler tells Mesos about itself ({@code io.aurora.scheduling.mesos}).
   *
   * @param hostname {@code -hostname}, sent as the framework's host name when set
   */
  public FrameworkOptions toFrameworkOptions(Optional<String> hostname) {
    Set<Capability.Type> capabilities = EnumSet.noneOf(Capability.Type.class);
    if (partitionAware) {
      capabilities.add(Capability.Type.PARTITION_AWARE);
    }
    if (receiveRevocableResources) {
      capabilities.add(Capability.Type.REVOCABLE_RESOURCES);
    }
    if (allowGpuResource) {
      capabilities.add(Capability.Type.GPU_RESOURCES);
    }
    return new FrameworkOptions(frameworkName, executorUser, frameworkFailoverTimeout,
        mesosRole().orElse("*"), Optional.empty(), capabilities, hostname, Optional.empty());
  }

  public String mesosMasterAddress() {
    return mesosMasterAddress;
  }

  public DriverChoice mesosDriver() {
    return mesosDriver;
  }

  public String frameworkName() {
    return frameworkName;
  }

  public String executorUser() {
    return executorUser;
  }

  public Duration frameworkFailoverTimeout() {
    return frameworkFailoverTimeout;
  }

  public Duration maxRegistrationDelay() {
    return maxRegistrationDelay;
  }

  public Optional<Path> frameworkAuthenticationFile() {
    return Optional.ofNullable(frameworkAuthenticationFile);
  }

  public boolean frameworkAnnouncePrincipal() {
    return frameworkAnnouncePrincipal;
  }

  public Optional<String> mesosRole() {
    return Optional.ofNullable(mesosRole);
  }

  public boolean receiveRevocableResources() {
    return receiveRevocableResources;
  }

  public boolean allowGpuResource() {
    return allowGpuResource;
  }

  public boolean partitionAware() {
    return partitionAware;
  }

  /**
   * Checks what the Mesos option records will check once they exist.
   *
   * @throws IllegalArgumentException naming the flag
   */
  void check() {
    if (mesosMasterAddress.isBlank()) {
      throw new IllegalArgumentException("-mesos_master_address must not be empty");
    }
    if (frameworkFailoverTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "-framework_failover_timeout must not be negative, got " + DurationFormat.format(frameworkFailoverTimeout));
    }
    if (maxRegistrationDelay.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException(
          "-max_registration_delay must be positive, got " + DurationFormat.format(maxRegistrationDelay));
    }
  }
}
