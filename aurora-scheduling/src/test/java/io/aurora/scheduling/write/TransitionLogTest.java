package io.aurora.scheduling.write;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.state.RescheduleCalculator;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.testing.FakeClock;
import io.aurora.storage.Storage;
import io.aurora.storage.mem.MemStorage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Each transition is one INFO line on io.aurora.scheduling.transitions, with its reason. */
class TransitionLogTest {
  private final FakeClock clock = new FakeClock();
  private final AtomicLong uuids = new AtomicLong();
  private final StateManager manager = new StateManager(clock,
      new TaskIds(() -> new UUID(0, uuids.incrementAndGet())),
      new RescheduleCalculator(RescheduleOptions.DEFAULTS), "scheduler-host");
  private final Storage storage = new MemStorage();
  private final Logger logger = (Logger) LoggerFactory.getLogger(TransitionLog.LOGGER);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level before;

  @BeforeEach
  void capture() {
    before = logger.getLevel();
    logger.setLevel(Level.INFO);
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
    logger.setLevel(before);
  }

  @Test
  void everyTransition_isOneInfoLine_withItsReason_andTheFlappingPenalty() {
    TaskConfig config = Fixtures.config("www", "svc", 0.5, 128, 10).setMaxTaskFailures(5);
    String id = storage.write(s -> manager.insertPendingTasks(s, config, Set.of(0),
        new StateChanges())).get(0);
    storage.write(s -> manager.assignTask(s, id, "agent-1", "agent-1.example", Map.of(),
        new StateChanges()));
    change(id, ScheduleStatus.RUNNING, null);
    clock.advance(Duration.ofSeconds(10));
    change(id, ScheduleStatus.FAILED, "Command exited with status 1");

    ScheduledTask replacement = storage.read(s -> s.taskStore().fetchTasks(
        io.aurora.api.TaskQueries.byStatuses(ScheduleStatus.THROTTLED).build())).get(0);
    String newId = replacement.getAssignedTask().getTaskId();
    assertThat(lines.list)
        .allMatch(e -> e.getLevel() == Level.INFO && e.getThrowableProxy() == null);
    assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
        .hasSize(5)
        .containsSequence(
            "Task " + id + ": INIT -> PENDING",
            "Task " + id + ": PENDING -> ASSIGNED (on agent-1.example)",
            "Task " + id + ": ASSIGNED -> RUNNING",
            "Task " + id + ": RUNNING -> FAILED (Command exited with status 1)")
        .last().asString()
        .startsWith("Task " + newId + ": INIT -> THROTTLED (Rescheduled, penalized for ")
        .endsWith(" ms for flapping)");
  }

  @Test
  void withTheLoggerTurnedDown_nothingIsLogged() {
    logger.setLevel(Level.WARN);
    TaskConfig config = Fixtures.config("www", "svc", 0.5, 128, 10);
    List<String> ids = storage.write(s -> manager.insertPendingTasks(s, config, Set.of(0, 1),
        new StateChanges()));
    change(ids.get(0), ScheduleStatus.KILLING, "Killed by alice");
    assertThat(lines.list).isEmpty();
  }

  private void change(String id, ScheduleStatus to, String message) {
    storage.write(s -> manager.changeState(s, id, to, Optional.ofNullable(message),
        new StateChanges()));
  }
}
