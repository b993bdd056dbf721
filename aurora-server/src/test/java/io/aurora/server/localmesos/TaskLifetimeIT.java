package io.aurora.server.localmesos;

import static io.aurora.server.localmesos.MesosTesting.launch;
import static io.aurora.server.localmesos.MesosTesting.refuse;
import static io.aurora.server.localmesos.MesosTesting.task;
import static io.aurora.server.localmesos.MesosTesting.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.scheduling.mesos.http.HttpDriver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks never outlive the embedded master: not after a normal stop, not after SIGKILL. */
class TaskLifetimeIT {
  private static final Duration POLL = Duration.ofMillis(20);

  @TempDir Path workDir;

  @Test
  void closingTheMaster_killsRunningTasks() throws Exception {
    LocalMesos mesos = LocalMesos.start(MesosTesting.options(workDir, Duration.ofSeconds(1)),
        Clock.systemUTC());
    HttpDriver driver = MesosTesting.driver(mesos.address());
    try {
      RecordingListener events = new RecordingListener().autoAcknowledge(driver);
      driver.subscribe(Optional.empty(), events);
      Offer offer = events.awaitOffers(1).get(0);
      driver.accept(List.of(offer.getId()), List.of(launch(
          task("stop-1", offer, "echo $$ > pid; sleep 600 & wait"))), refuse(0));
      events.awaitUpdate(taskId("stop-1"), TaskState.TASK_RUNNING);
      long pid = awaitPid(workDir);
      assertThat(MesosTesting.isRunning(pid)).isTrue();
      List<Long> children = awaitChildren(pid);
      assertThat(children).as("the task's background sleep").isNotEmpty();

      mesos.close();
      assertThat(MesosTesting.awaitGone(pid, Duration.ofMillis(500))).isTrue();
      for (long child : children) {
        assertThat(MesosTesting.awaitGone(child, Duration.ofMillis(500))).isTrue();
      }
    } finally {
      driver.stop();
      mesos.close();
    }
  }

  @Test
  void sigkillOfTheMasterJvm_killsItsTasksWithinTwoSeconds() throws Exception {
    Process master = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        LocalMesosMain.class.getName(), "-port=0", "-local_agents=1",
        "-local_agent_resources=cpus:2;mem:1024;disk:100", "-work_dir=" + workDir)
        .redirectErrorStream(true).start();
    HttpDriver driver = null;
    try {
      String address = awaitAddress(master);
      driver = MesosTesting.driver(address);
      RecordingListener events = new RecordingListener().autoAcknowledge(driver);
      driver.subscribe(Optional.empty(), events);
      Offer offer = events.awaitOffers(1).get(0);
      driver.accept(List.of(offer.getId()), List.of(launch(
          task("orphan-1", offer, "trap '' TERM HUP; echo $$ > pid; exec sleep 600"))), refuse(0));
      events.awaitUpdate(taskId("orphan-1"), TaskState.TASK_RUNNING);
      long pid = awaitPid(workDir);
      assertThat(MesosTesting.isRunning(pid)).isTrue();

      master.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook runs
      assertThat(MesosTesting.awaitGone(pid, Duration.ofSeconds(2)))
          .as("task outlived its master by 2 s").isTrue();
    } finally {
      if (driver != null) {
        driver.stop();
      }
      master.destroyForcibly();
    }
  }

  private static String awaitAddress(Process master) throws Exception {
    Pattern listening = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)");
    BufferedReader out = new BufferedReader(
        new InputStreamReader(master.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = listening.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new AssertionError("the master exited before listening");
  }

  /** The pid file is written before the shell forks its child, so wait for the child. */
  private static List<Long> awaitChildren(long pid) {
    return await("a child of " + pid).atMost(Duration.ofSeconds(10)).pollInterval(POLL)
        .until(() -> ProcessHandle.of(pid).orElseThrow().children().map(ProcessHandle::pid)
            .toList(), children -> !children.isEmpty());
  }

  private static long awaitPid(Path workDir) {
    return await("a pid file under " + workDir).atMost(Duration.ofSeconds(20)).pollInterval(POLL)
        .until(() -> pidIn(workDir), Optional::isPresent).orElseThrow();
  }

  private static Optional<Long> pidIn(Path workDir) throws IOException {
    try (Stream<Path> files = Files.walk(workDir)) {
      Optional<Path> pidFile = files.filter(p -> p.getFileName().toString().equals("pid"))
          .findFirst();
      if (pidFile.isPresent()) {
        String text = Files.readString(pidFile.get()).strip();
        if (!text.isEmpty()) {
          return Optional.of(Long.parseLong(text));
        }
      }
      return Optional.empty();
    }
  }
}
