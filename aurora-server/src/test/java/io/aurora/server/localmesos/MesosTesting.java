package io.aurora.server.localmesos;

import static org.awaitility.Awaitility.await;

import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.http.HttpDriver;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
import io.aurora.scheduling.mesos.http.MesosEncoding;
import io.aurora.scheduling.mesos.http.StaticMasterDetector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.Value;
import org.awaitility.core.ConditionTimeoutException;

/** Shared set-up of the client-against-embedded-master tests. */
final class MesosTesting {
  private MesosTesting() {}

  static LocalMesosOptions options(Path workDir, Duration heartbeat) {
    return new LocalMesosOptions(0, 1, 0, workDir, "cpus:4;mem:4096;disk:1000;ports:[31000-31100]",
        "cpus:8;mem:16384;disk:100000", "", Optional.empty(), TaskState.TASK_FINISHED,
        heartbeat, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  static HttpDriver driver(String address, Duration failoverTimeout, MesosEncoding encoding) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "driver");
      t.setDaemon(true);
      return t;
    });
    return new HttpDriver(
        FrameworkOptions.of("test-framework", "root", failoverTimeout).toFrameworkInfo(),
        MesosClientOptions.defaults().withEncoding(encoding)
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
        new StaticMasterDetector(address), HttpDriver.newHttpClient(Duration.ofSeconds(5)),
        scheduler);
  }

  static HttpDriver driver(String address) {
    return driver(address, Duration.ofSeconds(60), MesosEncoding.PROTOBUF);
  }

  static TaskInfo task(String id, Offer offer, String command) {
    return TaskInfo.newBuilder()
        .setName(id)
        .setTaskId(TaskID.newBuilder().setValue(id))
        .setAgentId(offer.getAgentId())
        .addResources(scalar("cpus", 0.1))
        .addResources(scalar("mem", 32))
        .setCommand(CommandInfo.newBuilder().setValue(command))
        .build();
  }

  static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }

  static Offer.Operation launch(TaskInfo... tasks) {
    return Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH)
        .setLaunch(Offer.Operation.Launch.newBuilder().addAllTaskInfos(List.of(tasks))).build();
  }

  static Filters refuse(double seconds) {
    return Filters.newBuilder().setRefuseSeconds(seconds).build();
  }

  /**
   * True while the process exists and is not a zombie. Killed orphans are reparented to init and
   * linger as zombies until it reaps them; they no longer run.
   */
  static boolean isRunning(long pid) {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Waits up to {@code max} for the process to stop running; true if it did. */
  static boolean awaitGone(long pid, Duration max) {
    try {
      await("process " + pid + " to stop").atMost(max).pollInterval(Duration.ofMillis(10))
          .until(() -> !isRunning(pid));
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  static TaskID taskId(String id) {
    return TaskID.newBuilder().setValue(id).build();
  }
}
