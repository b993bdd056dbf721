package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.storage.StorageException;
import io.aurora.server.localmesos.LocalMesosOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SchedulerScenario} against Curator's in-process ZooKeeper. */
class SchedulerIT {
  @TempDir Path dir;

  @Test
  void jobsCreatedOverBothProtocols_run_areKilled_andSurviveARestart() throws Exception {
    try (TestingServer zk = new TestingServer()) {
      SchedulerScenario.run(zk.getConnectString(), dir);
    }
  }

  @Test
  void losingTheZooKeeperSession_endsTheProcessWithStatusOne() throws Exception {
    try (TestingServer zk = new TestingServer();
        LocalMesos mesos = LocalMesos.start(LocalMesosOptions.defaults(dir.resolve("mesos")),
            Clock.systemUTC())) {
      SchedulerComponent component = SchedulerScenario.component(zk.getConnectString(),
          mesos.address(), dir, "-zk_session_timeout=2secs");
      component.lifecycle().start();
      try {
        await("ACTIVE").atMost(SchedulerScenario.WAIT).until(
            () -> component.lifecycle().state() == LifecycleState.ACTIVE);
        zk.stop();
        ProcessGuard.Exit exit = component.guard().await(Duration.ofSeconds(30)).orElseThrow();
        assertThat(exit.status()).isEqualTo(1);
        assertThat(exit.reason()).containsAnyOf("ZooKeeper session lost", "leadership lost");
      } finally {
        component.lifecycle().stop();
      }
      SchedulerScenario.assertThreadsEnded(component);
    }
  }

  @Test
  void aLeaderStepsDownAfterMaxLeadingDuration_andAnotherTakesOverWithoutASessionTimeout()
      throws Exception {
    try (TestingServer zk = new TestingServer();
        LocalMesos mesos = LocalMesos.start(LocalMesosOptions.defaults(dir.resolve("mesos")),
            Clock.systemUTC())) {
      // Three replicas, quorum 2, so that the log stays writable with the first leader gone; a
      // session timeout far above the wait below (the server caps it at 20 ticks, 40 s), so that
      // only a clean release of the leadership lets another in that soon.
      String[] flags = {"-native_log_quorum_size=2", "-zk_session_timeout=60secs"};
      SchedulerComponent first = SchedulerScenario.component(zk.getConnectString(),
          mesos.address(), dir.resolve("a"), concat(flags, "-max_leading_duration=15secs"));
      List<SchedulerComponent> others = List.of(
          SchedulerScenario.component(zk.getConnectString(), mesos.address(), dir.resolve("b"),
              flags),
          SchedulerScenario.component(zk.getConnectString(), mesos.address(), dir.resolve("c"),
              flags));
      // The first runs as Main runs it: start, wait for the guard, stop.
      CompletableFuture<Integer> firstStatus = CompletableFuture.supplyAsync(() -> {
        try {
          return first.lifecycle().run();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      try {
        await("the first elected").atMost(SchedulerScenario.WAIT).until(
            () -> first.lifecycle().state() == LifecycleState.LEADER_AWAITING_REGISTRATION);
        for (SchedulerComponent other : others) {
          other.lifecycle().start();
        }
        await("the first ACTIVE").atMost(SchedulerScenario.WAIT).until(
            () -> first.lifecycle().state() == LifecycleState.ACTIVE);
        JobKey job = JobKeys.from("www", "prod", "before-step-down");
        SchedulerScenario.assertOk(SchedulerScenario.client(http(first), SchedulerScenario.JSON)
            .createJob(SchedulerScenario.job(job)));

        await("the step-down")
            .atMost(SchedulerScenario.WAIT).until(() -> first.guard().exit().isPresent());
        long stepped = System.nanoTime();
        assertThat(first.guard().exit().orElseThrow().reason())
            .contains("-max_leading_duration=15secs").contains("stepping down");
        await("another ACTIVE").atMost(SchedulerScenario.WAIT).until(() -> others.stream()
            .anyMatch(o -> o.lifecycle().state() == LifecycleState.ACTIVE));
        assertThat(firstStatus.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(first.lifecycle().state()).isEqualTo(LifecycleState.DEAD);
        SchedulerScenario.assertThreadsEnded(first);
        Duration takeover = Duration.ofNanos(System.nanoTime() - stepped);
        System.out.printf("SchedulerIT: another scheduler ACTIVE %d ms after the step-down%n",
            takeover.toMillis());
        assertThat(takeover).isLessThan(Duration.ofSeconds(20));
        SchedulerComponent next = others.stream()
            .filter(o -> o.lifecycle().state() == LifecycleState.ACTIVE).findFirst().orElseThrow();
        assertThat(next.guard().exit()).isEmpty();
        assertThat(SchedulerScenario.status(http(next) + "/leaderhealth")).isEqualTo(200);
        Response r = SchedulerScenario.client(http(next), SchedulerScenario.BINARY)
            .getTasksWithoutConfigs(TaskQueries.byJob(job).build());
        SchedulerScenario.assertOk(r);
        assertThat(r.getResult().getScheduleStatusResult().getTasks()).hasSize(1);
        assertTakeoverTimed(next);
      } finally {
        first.guard().stop(0, "test over");
        others.forEach(o -> o.lifecycle().stop());
      }
    }
  }

  /** After a write, every step of the successor's takeover has its gauge, also in /vars. */
  private static void assertTakeoverTimed(SchedulerComponent next) throws Exception {
    SchedulerScenario.assertOk(SchedulerScenario.client(http(next), SchedulerScenario.JSON)
        .createJob(SchedulerScenario.job(JobKeys.from("www", "prod", "after-takeover"))));
    await("the takeover timed").atMost(SchedulerScenario.WAIT).until(
        () -> next.registry().get("takeover_total_ms").gauge().value() >= 0);
    for (TakeoverTimeline.Step step : TakeoverTimeline.Step.values()) {
      if (step != TakeoverTimeline.Step.LEADER_GONE_SEEN
          && step != TakeoverTimeline.Step.LEADERSHIP_ACQUIRED) {
        assertThat(next.registry().get(step.gaugeName()).gauge().value()).as(step.gaugeName())
            .isGreaterThanOrEqualTo(0);
      }
    }
    // The first leader's lock node went while the successor watched (-1 would mean unseen).
    assertThat(next.registry().get("takeover_leader_gone_to_leadership_ms").gauge().value())
        .isNotEqualTo(-1);
    String vars = SchedulerScenario.get(http(next), "/vars");
    assertThat(vars).containsPattern("(?m)^takeover_total_ms \\d+")
        .containsPattern("(?m)^takeover_first_write_ms \\d+");
  }

  private static String http(SchedulerComponent c) {
    return "http://127.0.0.1:" + c.lifecycle().httpPort();
  }

  private static String[] concat(String[] flags, String more) {
    String[] all = Arrays.copyOf(flags, flags.length + 1);
    all[flags.length] = more;
    return all;
  }

  @Test
  void aStorageFailure_endsTheProcessThroughTheStoragesListener() throws Exception {
    try (TestingServer zk = new TestingServer()) {
      // Nothing listens on port 1: the leader waits for Mesos with its storage writable.
      SchedulerComponent component = SchedulerScenario.component(zk.getConnectString(),
          "127.0.0.1:1", dir);
      component.lifecycle().start();
      try {
        await("leading").atMost(SchedulerScenario.WAIT).until(() -> component.lifecycle().state()
            == LifecycleState.LEADER_AWAITING_REGISTRATION);
        component.log().close();
        assertThatThrownBy(() -> component.storage().write(stores -> {
          stores.schedulerStore().saveFrameworkId("after-the-log-closed");
          return null;
        })).isInstanceOf(StorageException.class);
        // No poll: the storage's failure listener decided the exit before the write returned.
        ProcessGuard.Exit exit = component.guard().exit().orElseThrow();
        assertThat(exit.status()).isEqualTo(1);
        assertThat(exit.reason()).startsWith("the storage failed");
      } finally {
        component.lifecycle().stop();
      }
      SchedulerScenario.assertThreadsEnded(component);
    }
  }

  @Test
  void aLeaderNotRegisteredWithinMaxRegistrationDelay_exitsWithStatusOne() throws Exception {
    try (TestingServer zk = new TestingServer()) {
      // Nothing listens on port 1: the subscription never succeeds.
      SchedulerComponent component = SchedulerScenario.component(zk.getConnectString(),
          "127.0.0.1:1", dir, "-max_registration_delay=2secs");
      component.lifecycle().start();
      try {
        ProcessGuard.Exit exit = component.guard().await(Duration.ofSeconds(30)).orElseThrow();
        assertThat(exit.status()).isEqualTo(1);
        assertThat(exit.reason())
            .isEqualTo("not registered with Mesos within -max_registration_delay=2secs");
        assertThat(component.lifecycle().state())
            .isEqualTo(LifecycleState.LEADER_AWAITING_REGISTRATION);
      } finally {
        component.lifecycle().stop();
      }
      SchedulerScenario.assertThreadsEnded(component);
    }
  }
}
