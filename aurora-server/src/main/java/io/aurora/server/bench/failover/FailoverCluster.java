package io.aurora.server.bench.failover;

import io.aurora.server.bench.Await;
import io.aurora.server.bench.log.LogCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * {@code bin/aurora-local-mesos} with simulated agents (and, if asked, local agents that run tasks as
 * real processes) and several {@code bin/aurora-scheduler} processes on 127.0.0.1 sharing one
 * serverset and one log group. Every process is SIGKILLed on
 * {@link #close} and, should the JVM exit first, by a shutdown hook.
 */
public final class FailoverCluster implements AutoCloseable {
  /** The serverset path every scheduler joins. */
  public static final String SERVERSET = "/aurora/scheduler";

  private final ClusterOptions options;
  private final Await await = Await.standard();
  private final List<SchedulerNode> nodes = new ArrayList<>();
  private final List<SchedulerNode> extraNodes = new ArrayList<>();
  private final Thread hook = new Thread(this::killAll, "failover-cluster-kill");
  /** Every port this cluster handed out: the OS may offer a just-closed port again. */
  private final Set<Integer> handedOut = new HashSet<>();
  private final int mesosPort;
  private ChildProcess mesos;

  private FailoverCluster(ClusterOptions options) throws IOException {
    this.options = options;
    this.mesosPort = newPort();
  }

  /** A free port no process of this cluster has been given yet. */
  private synchronized int newPort() throws IOException {
    while (true) {
      int port = freePort();
      if (handedOut.add(port)) {
        return port;
      }
    }
  }

  /** Starts Mesos and the schedulers; returns once Mesos listens (not waiting for a leader). */
  public static FailoverCluster start(ClusterOptions options)
      throws IOException, TimeoutException, InterruptedException {
    FailoverCluster cluster = new FailoverCluster(options);
    Runtime.getRuntime().addShutdownHook(cluster.hook);
    try {
      cluster.startMesos();
      for (int i = 0; i < options.schedulers(); i++) {
        SchedulerNode node = cluster.newNode("scheduler-" + i, options.quorum());
        cluster.nodes.add(node);
        node.start();
      }
      return cluster;
    } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void startMesos() throws IOException, TimeoutException, InterruptedException {
    Path dir = Files.createDirectories(options.dir().resolve("mesos"));
    List<String> command = new ArrayList<>(List.of(
        options.home().resolve("bin/aurora-local-mesos").toString(),
        "-port=" + mesosPort, "-local_agents=" + options.localAgents(),
        "-local_simulated_agents=" + options.simulatedAgents(),
        "-local_simulated_agent_resources=" + options.simulatedAgentResources(),
        "-work_dir=" + dir.resolve("work")));
    if (!options.localAgentResources().isEmpty()) {
      command.add("-local_agent_resources=" + options.localAgentResources());
    }
    mesos = ChildProcess.start("aurora-local-mesos", command,
        Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", options.mesosJavaOpts()),
        dir.resolve("mesos.out"));
    await.until("aurora-local-mesos to listen on " + mesosPort, Duration.ofSeconds(60), () -> {
      if (!mesos.alive()) {
        throw new IllegalStateException("aurora-local-mesos exited:\n" + mesos.tail(20));
      }
      return listening(mesosPort);
    });
  }

  /**
   * A scheduler with its own ports and data directory under this cluster's directory, not
   * started; it is killed with the cluster. For a scheduler configured unlike the others.
   */
  public SchedulerNode newNode(String name, int quorum) throws IOException {
    List<String> flags = new ArrayList<>(List.of(
        "-cluster_name=failover", "-serverset_path=" + SERVERSET,
        "-zk_endpoints=" + options.zkConnect(),
        "-zk_session_timeout=" + options.zkSessionTimeout().toMillis() + "ms",
        "-mesos_master_address=127.0.0.1:" + mesosPort,
        "-native_log_quorum_size=" + quorum,
        "-native_log_zk_group_path=/aurora/replicated-log",
        "-ip=127.0.0.1", "-hostname=127.0.0.1",
        "-executor_user=" + System.getProperty("user.name")));
    flags.addAll(options.extraFlags());
    SchedulerNode node = new SchedulerNode(name, options.home(), options.dir().resolve(name),
        newPort(), newPort(), newPort(), flags,
        Map.of("JAVA_HOME", System.getProperty("java.home"),
            "JAVA_OPTS", options.schedulerJavaOpts()));
    synchronized (extraNodes) {
      extraNodes.add(node);
    }
    return node;
  }

  /** The cluster's schedulers, in start order. */
  public List<SchedulerNode> nodes() {
    return List.copyOf(nodes);
  }

  public ClusterOptions options() {
    return options;
  }

  public String mesosAddress() {
    return "127.0.0.1:" + mesosPort;
  }

  public ChildProcess mesos() {
    return mesos;
  }

  /**
   * Fails, with the dead scheduler's last output, unless every scheduler of the cluster is still
   * running: a takeover measured with a node missing would wait for a quorum that cannot form.
   */
  public void checkAllAlive() {
    for (SchedulerNode node : nodes) {
      if (!node.alive()) {
        throw new IllegalStateException(node.name() + " is not running:\n" + tails(20));
      }
    }
  }

  /** The only leading scheduler, waiting up to {@code timeout} for exactly one. */
  public SchedulerNode awaitLeader(Duration timeout) throws TimeoutException, InterruptedException {
    return await.until("exactly one leader among " + nodes, timeout, () -> {
      List<SchedulerNode> leaders = nodes.stream().filter(SchedulerNode::leading).toList();
      return leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
    });
  }

  /** Output of every process, last lines each, for failure messages. */
  public String tails(int lines) {
    StringBuilder text = new StringBuilder();
    List<SchedulerNode> all;
    synchronized (extraNodes) {
      all = List.copyOf(extraNodes);
    }
    for (SchedulerNode node : all) {
      node.process().ifPresent(p -> text.append("--- ").append(node.name()).append(" alive=")
          .append(p.alive()).append('\n').append(p.tail(lines)).append('\n'));
    }
    if (mesos != null) {
      text.append("--- aurora-local-mesos\n").append(mesos.tail(lines)).append('\n');
    }
    return text.toString();
  }

  private void killAll() {
    List<SchedulerNode> all;
    synchronized (extraNodes) {
      all = List.copyOf(extraNodes);
    }
    all.forEach(SchedulerNode::kill);
    if (mesos != null) {
      mesos.kill();
    }
  }

  /** SIGKILLs every process started by this cluster. */
  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook runs (or ran) anyway.
    }
  }

  private static Optional<Boolean> listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return Optional.of(Boolean.TRUE);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A port free on 127.0.0.1 now (another process could take it before it is used). */
  public static int freePort() throws IOException {
    return LogCluster.freeLoopbackAddresses(1).get(0).getPort();
  }
}
