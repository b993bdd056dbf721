package io.aurora.server.localmesos;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.mesos.v1.Protos.TaskState;

/**
 * Settings of the embedded Mesos master and its agents.
 *
 * @param port HTTP port on 127.0.0.1 (0 = any free port)
 * @param localAgents agents that run tasks as real processes
 * @param simulatedAgents agents that run nothing (for scale tests)
 * @param workDir sandboxes of local agents' tasks live under it
 * @param agentResources resources of each local agent, e.g. {@code cpus:4;mem:8192;disk:20000;ports:[31000-32000]}
 * @param simulatedAgentResources resources of each simulated agent
 * @param simulatedAgentAttributes text attributes of simulated agents, {@code name:value;...};
 *     {@code #} in a value is replaced by the agent's number, {@code #%N} by that number modulo N
 * @param simulatedTaskDuration if set, simulated tasks end after this long...
 * @param simulatedTaskEnd ...in this state (FINISHED or FAILED)
 * @param heartbeatInterval HEARTBEAT period (Mesos: 15 s)
 * @param allocationInterval how often offers are made (Mesos: 1 s)
 * @param updateRetryInterval unacknowledged status updates are re-sent this often (Mesos: 10 s)
 * @param killGracePeriod SIGTERM to SIGKILL delay when killing a task
 * @param simulatedRevocableCpus revocable CPUs of each simulated agent, on top of
 *     {@code simulatedAgentResources}; offered only to frameworks that subscribe with the
 *     REVOCABLE_RESOURCES capability (0 = none)
 */
public record LocalMesosOptions(
    int port,
    int localAgents,
    int simulatedAgents,
    Path workDir,
    String agentResources,
    String simulatedAgentResources,
    String simulatedAgentAttributes,
    Optional<Duration> simulatedTaskDuration,
    TaskState simulatedTaskEnd,
    Duration heartbeatInterval,
    Duration allocationInterval,
    Duration updateRetryInterval,
    Duration killGracePeriod,
    double simulatedRevocableCpus) {

  /** Options whose simulated agents have no revocable CPUs. */
  public LocalMesosOptions(int port, int localAgents, int simulatedAgents, Path workDir,
      String agentResources, String simulatedAgentResources, String simulatedAgentAttributes,
      Optional<Duration> simulatedTaskDuration, TaskState simulatedTaskEnd,
      Duration heartbeatInterval, Duration allocationInterval, Duration updateRetryInterval,
      Duration killGracePeriod) {
    this(port, localAgents, simulatedAgents, workDir, agentResources, simulatedAgentResources,
        simulatedAgentAttributes, simulatedTaskDuration, simulatedTaskEnd, heartbeatInterval,
        allocationInterval, updateRetryInterval, killGracePeriod, 0);
  }

  /** Checks arguments. */
  public LocalMesosOptions {
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(agentResources, "agentResources");
    Objects.requireNonNull(simulatedAgentResources, "simulatedAgentResources");
    Objects.requireNonNull(simulatedAgentAttributes, "simulatedAgentAttributes");
    Objects.requireNonNull(simulatedTaskDuration, "simulatedTaskDuration");
    Objects.requireNonNull(simulatedTaskEnd, "simulatedTaskEnd");
    if (port < 0 || localAgents < 0 || simulatedAgents < 0) {
      throw new IllegalArgumentException("negative port or agent count");
    }
    if (!(simulatedRevocableCpus >= 0)) {
      throw new IllegalArgumentException(
          "-local_simulated_agent_revocable_cpus must be a number >= 0, got " + simulatedRevocableCpus);
    }
    Resources.parse(agentResources);
    Resources.parse(simulatedAgentResources);
  }

  /** One local agent with this machine's resources, Mesos' default intervals, any free port. */
  public static LocalMesosOptions defaults(Path workDir) {
    return new LocalMesosOptions(0, 1, 0, workDir, machineResources(),
        "cpus:8;mem:16384;disk:100000;ports:[31000-32000]", "", Optional.empty(),
        TaskState.TASK_FINISHED, Duration.ofSeconds(15), Duration.ofSeconds(1),
        Duration.ofSeconds(10), Duration.ofSeconds(5));
  }

  /**
   * Only {@code agents} simulated agents of {@code agentResources}, without attributes, whose
   * tasks never end unless killed; Mesos' default intervals, any free port (the benchmarks').
   */
  public static LocalMesosOptions simulatedOnly(int agents, Path workDir, String agentResources) {
    return new LocalMesosOptions(0, 0, agents, workDir, "cpus:1;mem:1024", agentResources, "",
        Optional.empty(), TaskState.TASK_FINISHED, Duration.ofSeconds(15), Duration.ofSeconds(1),
        Duration.ofSeconds(10), Duration.ofSeconds(5));
  }

  /** This machine's cores, memory and free disk under the work dir, ports 31000-32000. */
  public static String machineResources() {
    int cpus = Runtime.getRuntime().availableProcessors();
    long memMb = 1024;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      memMb = Math.max(memMb, os.getTotalMemorySize() >> 20);
    }
    long diskMb = Math.max(1024, new java.io.File(".").getUsableSpace() >> 20);
    return "cpus:" + cpus + ";mem:" + memMb + ";disk:" + diskMb + ";ports:[31000-32000]";
  }

  /** The same options with other agent counts. */
  public LocalMesosOptions withAgents(int local, int simulated) {
    return new LocalMesosOptions(port, local, simulated, workDir, agentResources,
        simulatedAgentResources, simulatedAgentAttributes, simulatedTaskDuration, simulatedTaskEnd,
        heartbeatInterval, allocationInterval, updateRetryInterval, killGracePeriod,
        simulatedRevocableCpus);
  }

  /** The same options with other timings. */
  public LocalMesosOptions withIntervals(Duration heartbeat, Duration allocation,
      Duration updateRetry, Duration killGrace) {
    return new LocalMesosOptions(port, localAgents, simulatedAgents, workDir, agentResources,
        simulatedAgentResources, simulatedAgentAttributes, simulatedTaskDuration, simulatedTaskEnd,
        heartbeat, allocation, updateRetry, killGrace, simulatedRevocableCpus);
  }

  /** The same options with another port. */
  public LocalMesosOptions withPort(int newPort) {
    return new LocalMesosOptions(newPort, localAgents, simulatedAgents, workDir, agentResources,
        simulatedAgentResources, simulatedAgentAttributes, simulatedTaskDuration, simulatedTaskEnd,
        heartbeatInterval, allocationInterval, updateRetryInterval, killGracePeriod,
        simulatedRevocableCpus);
  }

  /** The same options with {@code cpus} revocable CPUs on each simulated agent. */
  public LocalMesosOptions withSimulatedRevocableCpus(double cpus) {
    return new LocalMesosOptions(port, localAgents, simulatedAgents, workDir, agentResources,
        simulatedAgentResources, simulatedAgentAttributes, simulatedTaskDuration, simulatedTaskEnd,
        heartbeatInterval, allocationInterval, updateRetryInterval, killGracePeriod, cpus);
  }
}
