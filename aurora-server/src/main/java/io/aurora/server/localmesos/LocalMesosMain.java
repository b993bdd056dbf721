package io.aurora.server.localmesos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.apache.mesos.v1.Protos.TaskState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/aurora-local-mesos}: the embedded Mesos master on its own, until killed. */
@Command(name = "aurora-local-mesos", mixinStandardHelpOptions = true,
    description = "Runs an embedded Mesos master (v1 HTTP scheduler API) with local agents that "
        + "run tasks as processes, and simulated agents that run nothing.")
public final class LocalMesosMain implements Callable<Integer> {
  @Option(names = "-port", description = "HTTP port on 127.0.0.1 (default ${DEFAULT-VALUE})")
  int port = 5050;

  @Option(names = "-local_agents", description = "Agents running real processes (default ${DEFAULT-VALUE})")
  int localAgents = 1;

  @Option(names = "-local_simulated_agents", description = "Agents running nothing (default ${DEFAULT-VALUE})")
  int simulatedAgents = 0;

  @Option(names = "-work_dir", description = "Directory for task sandboxes (default: a new temporary directory)")
  Path workDir;

  @Option(names = "-local_agent_resources",
      description = "Resources of each local agent, e.g. cpus:4;mem:8192;disk:20000;ports:[31000-32000] (default: this machine)")
  String agentResources;

  @Option(names = "-local_simulated_agent_resources", description = "Resources of each simulated agent (default ${DEFAULT-VALUE})")
  String simulatedResources = "cpus:8;mem:16384;disk:100000;ports:[31000-32000]";

  @Option(names = "-local_simulated_agent_attributes",
      description = "Attributes of simulated agents, name:value;... ('#' = agent number), e.g. rack:r#")
  String simulatedAttributes = "";

  @Option(names = "-local_simulated_agent_revocable_cpus",
      description = "Revocable CPUs of each simulated agent, on top of its resources, offered only "
          + "to frameworks that subscribe with REVOCABLE_RESOURCES (the scheduler's "
          + "-receive_revocable_resources) (default ${DEFAULT-VALUE})")
  double simulatedRevocableCpus = 0;

  @Option(names = "-local_simulated_task_duration_secs",
      description = "If set, simulated tasks end after this many seconds")
  Double simulatedTaskSeconds;

  @Option(names = "-local_simulated_task_end", description = "How simulated tasks end: FINISHED or FAILED (default ${DEFAULT-VALUE})")
  String simulatedTaskEnd = "FINISHED";

  @Option(names = "-heartbeat_interval_secs", description = "HEARTBEAT period (default ${DEFAULT-VALUE})")
  double heartbeatSeconds = 15;

  @Override
  public Integer call() throws Exception {
    Path dir = workDir != null ? workDir : Files.createTempDirectory("aurora-local-mesos");
    Files.createDirectories(dir);
    LocalMesosOptions defaults = LocalMesosOptions.defaults(dir);
    LocalMesosOptions options = new LocalMesosOptions(port, localAgents, simulatedAgents, dir,
        agentResources != null ? agentResources : defaults.agentResources(),
        simulatedResources, simulatedAttributes,
        Optional.ofNullable(simulatedTaskSeconds).map(s -> Duration.ofMillis(Math.round(s * 1000))),
        TaskState.valueOf("TASK_" + simulatedTaskEnd.toUpperCase()),
        Duration.ofMillis(Math.round(heartbeatSeconds * 1000)), defaults.allocationInterval(),
        defaults.updateRetryInterval(), defaults.killGracePeriod(), simulatedRevocableCpus);
    LocalMesos mesos = LocalMesos.start(options, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      mesos.close();
      stopped.countDown();
    }, "local-mesos-shutdown"));
    System.out.println("Mesos master listening on " + mesos.address() + ", sandboxes in " + dir);
    stopped.await();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LocalMesosMain()).execute(args));
  }
}
