package io.aurora.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aurora.api.TaskQueries;
import io.aurora.gen.ScheduledTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real log on disk and a driver that cannot reach its master, stopped by close(). */
class EmbeddedSchedulerIT {
  @TempDir Path dir;

  @Test
  void closeBeforeSubscription_failsTheFuture_andEndsEveryThread() throws Exception {
    // Nothing listens on port 1: the driver keeps retrying until it is stopped.
    EmbeddedScheduler scheduler = EmbeddedScheduler.builder(dir.resolve("data"), "127.0.0.1:1")
        .threadPrefix("embedded-test").build();
    scheduler.start();
    assertThat(threads("embedded-test-")).isNotEmpty();
    List<ScheduledTask> none = scheduler.storage().read(s -> s.taskStore().fetchTasks(
        TaskQueries.all().build()));
    assertThat(none).as("a first start recovers an empty log").isEmpty();
    scheduler.close();
    assertThatThrownBy(() -> scheduler.subscribed().join())
        .isInstanceOf(CancellationException.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> threads("embedded-test-").isEmpty());
    assertThat(dir.resolve("data/log")).isDirectory();
  }

  private static List<String> threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(Thread::getName).filter(n -> n.startsWith(prefix)).toList();
  }
}
