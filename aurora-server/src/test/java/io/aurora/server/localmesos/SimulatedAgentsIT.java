package io.aurora.server.localmesos;

import static io.aurora.server.localmesos.MesosTesting.launch;
import static io.aurora.server.localmesos.MesosTesting.refuse;
import static io.aurora.server.localmesos.MesosTesting.task;
import static io.aurora.server.localmesos.MesosTesting.taskId;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.mesos.http.HttpDriver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10,000 simulated agents: offered in one round, and their tasks run (in simulation). */
class SimulatedAgentsIT {
  @TempDir Path workDir;

  @Test
  void tenThousandAgents_areOffered_andSimulatedTasksFinishOrFailOnStart() throws Exception {
    LocalMesosOptions options = new LocalMesosOptions(0, 0, 10_000, workDir, "cpus:1;mem:1024",
        "cpus:8;mem:16384;disk:100000;ports:[31000-32000]", "rack:r#;zone:z",
        Optional.of(Duration.ofMillis(200)), TaskState.TASK_FINISHED, Duration.ofSeconds(1),
        Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1));
    try (LocalMesos mesos = LocalMesos.start(options, Clock.systemUTC())) {
      HttpDriver driver = MesosTesting.driver(mesos.address());
      try {
        RecordingListener events = new RecordingListener().autoAcknowledge(driver);
        driver.subscribe(Optional.empty(), events);
        List<Offer> offers = events.awaitOffers(1);
        assertThat(offers).hasSize(10_000);
        assertThat(offers.get(42).getHostname()).isEqualTo("sim-agent-42.local");
        assertThat(offers.get(42).getAttributesList())
            .anyMatch(a -> a.getName().equals("rack") && a.getText().getValue().equals("r42"));

        Offer offer = offers.get(9_999);
        driver.accept(List.of(offer.getId()), List.of(launch(task("sim-1", offer, "ignored"))),
            refuse(5));
        events.awaitUpdate(taskId("sim-1"), TaskState.TASK_RUNNING);
        events.awaitUpdate(taskId("sim-1"), TaskState.TASK_FINISHED);

        // A task labelled to fail on start goes STARTING -> FAILED, never RUNNING.
        Offer other = offers.get(9_998);
        driver.accept(List.of(other.getId()), List.of(launch(task("sim-2", other, "ignored")
            .toBuilder().setLabels(Labels.newBuilder().addLabels(Label.newBuilder()
                .setKey(SimulatedAgent.FAIL_LABEL).setValue("true"))).build())), refuse(5));
        events.awaitUpdate(taskId("sim-2"), TaskState.TASK_FAILED);
        assertThat(events.all(RecordingListener.Update.class))
            .noneMatch(u -> u.status().getTaskId().equals(taskId("sim-2"))
                && u.status().getState() == TaskState.TASK_RUNNING);
      } finally {
        driver.teardown();
      }
    }
  }
}
