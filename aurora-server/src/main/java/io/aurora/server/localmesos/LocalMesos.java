package io.aurora.server.localmesos;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running embedded Mesos master with its agents. Point the scheduler (or any v1 HTTP scheduler)
 * at {@link #address()}; {@link #close()} kills every task it started.
 */
public final class LocalMesos implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalMesos.class);
  /** 127.0.0.1 as MasterInfo.ip stores it: network byte order read as a little-endian int. */
  private static final int LOOPBACK_IP = 0x0100007f;
  private static final java.util.regex.Pattern MODULO = java.util.regex.Pattern.compile("#%([1-9][0-9]{0,8})");

  private final LocalMaster master;
  private final Undertow server;
  private final ScheduledExecutorService scheduler;
  private final int port;

  private LocalMesos(LocalMaster master, Undertow server, ScheduledExecutorService scheduler,
      int port) {
    this.master = master;
    this.server = server;
    this.scheduler = scheduler;
    this.port = port;
  }

  /** Starts the master and its agents and serves on 127.0.0.1. */
  private static final long MAX_CALL_BYTES = 256L << 20;

  public static LocalMesos start(LocalMesosOptions options, Clock clock) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "local-mesos");
      t.setDaemon(true);
      return t;
    });
    String id = "local-" + UUID.randomUUID().toString().substring(0, 8);
    PathHandler paths = new PathHandler();
    Undertow server = Undertow.builder()
        .addHttpListener(options.port(), "127.0.0.1")
        .setWorkerThreads(64)
        // Undertow refuses bodies over 10 MB by default; one ACCEPT that launches thousands of
        // tasks on a large simulated agent is bigger than that, and a real master takes it.
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_CALL_BYTES)
        // Pipelined calls: answer a burst of them in one write, not one write each.
        .setServerOption(UndertowOptions.BUFFER_PIPELINED_DATA, true)
        .setHandler(paths)
        .build();
    server.start();
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    MasterInfo info = MasterInfo.newBuilder()
        .setId(id).setIp(LOOPBACK_IP).setPort(port).setHostname("localhost")
        .setPid("master@127.0.0.1:" + port).setVersion("1.11.0")
        .setAddress(Address.newBuilder().setHostname("localhost").setIp("127.0.0.1").setPort(port))
        .build();
    LocalMaster master = new LocalMaster(info, options, scheduler, clock);
    for (Agent agent : agents(options, id, master, scheduler, clock)) {
      master.addAgent(agent);
    }
    SchedulerEndpoint endpoint = new SchedulerEndpoint(master);
    paths.addExactPath("/api/v1/scheduler", endpoint);
    paths.addExactPath("/master/api/v1/scheduler", endpoint);
    master.start();
    LOG.info("Embedded Mesos master {} on 127.0.0.1:{} with {} local and {} simulated agents",
        id, port, options.localAgents(), options.simulatedAgents());
    return new LocalMesos(master, server, scheduler, port);
  }

  private static List<Agent> agents(LocalMesosOptions options, String masterId,
      LocalMaster master, ScheduledExecutorService scheduler, Clock clock) {
    List<Agent> agents = new ArrayList<>();
    Resources local = Resources.parse(options.agentResources());
    for (int i = 0; i < options.localAgents(); i++) {
      // Every 127.x address reaches this machine, so each local agent gets its own "host".
      String host = i == 0 ? "localhost" : "127.0.0." + (i + 1);
      agents.add(new ProcessAgent(agentInfo(masterId + "-S" + i, host, local, Map.of()),
          options.workDir(), master.agentSink(), scheduler, clock, options.killGracePeriod()));
    }
    Resources simulated = Resources.parse(options.simulatedAgentResources())
        .plus(Resources.revocable("cpus", options.simulatedRevocableCpus()));
    for (int i = 0; i < options.simulatedAgents(); i++) {
      agents.add(new SimulatedAgent(
          agentInfo(masterId + "-V" + i, "sim-agent-" + i + ".local", simulated,
              attributes(options.simulatedAgentAttributes(), i)),
          master.agentSink(), scheduler, clock, options.simulatedTaskDuration(),
          options.simulatedTaskEnd()));
    }
    return agents;
  }

  private static AgentInfo agentInfo(String id, String host, Resources resources,
      Map<String, String> attributes) {
    AgentInfo.Builder info = AgentInfo.newBuilder()
        .setId(AgentID.newBuilder().setValue(id))
        .setHostname(host)
        .addAllResources(resources.toProtos("*").stream()
            .map(r -> r.toBuilder().clearAllocationInfo().build()).toList());
    attributes.forEach((name, value) -> info.addAttributes(Attribute.newBuilder()
        .setName(name).setType(Value.Type.TEXT).setText(Value.Text.newBuilder().setValue(value))));
    return info.build();
  }

  private static Map<String, String> attributes(String text, int index) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (String part : text.split(";")) {
      String[] kv = part.split(":", 2);
      if (kv.length == 2) {
        out.put(kv[0].strip(), numbered(kv[1].strip(), index));
      }
    }
    return out;
  }

  /** {@code #%N} becomes the agent's number modulo N, then {@code #} its number. */
  private static String numbered(String template, int index) {
    java.util.regex.Matcher m = MODULO.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, String.valueOf(index % Integer.parseInt(m.group(1))));
    }
    m.appendTail(out);
    return out.toString().replace("#", String.valueOf(index));
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:<port>}, for {@code -mesos_master_address}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** This master's MasterInfo, as a real master publishes it in ZooKeeper. */
  public MasterInfo masterInfo() {
    return master.masterInfo();
  }

  /** The sandbox directory of a task run by a local agent. */
  public Optional<Path> sandbox(TaskID taskId) {
    return master.sandbox(taskId);
  }

  /**
   * The resources a task was launched with (its own and its executor's, as the master accounts
   * them, revocable ones marked), while the master knows the task.
   */
  public Optional<List<Resource>> taskResources(TaskID taskId) {
    return master.taskResources(taskId);
  }

  /** How many tasks the master knows of (not yet acknowledged as terminal). */
  public int taskCount() {
    return master.taskCount();
  }

  /** Closes the streams, kills every task (waiting until they are gone) and stops serving. */
  @Override
  public void close() {
    master.shutdown();
    server.stop();
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("Embedded Mesos master on port {} stopped", port);
  }
}
