package io.aurora.server.client.job;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduleStatusResult;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.server.client.ClientHarness;
import io.aurora.server.client.ScriptedScheduler;
import java.util.ArrayList;
import java.util.List;

/** Tasks as the scheduler returns them, for the job verbs' tests. */
final class JobFixtures {
  static final JobKey JOB = new JobKey("www", "prod", "hello");
  static final String PATH = "local/www/prod/hello";
  static final String HELLO = "../docs/examples/hello-world.json";
  /** Events of the fixtures' tasks are this long before the harness's clock starts. */
  static final long EVENT_AGE_MS = 3 * 60_000 + 7_000;

  private JobFixtures() {}

  /** An OK answer to a task query. */
  static Response tasks(ScheduledTask... tasks) {
    return ScriptedScheduler.ok(Result.scheduleStatusResult(
        new ScheduleStatusResult(new ArrayList<>(List.of(tasks)))));
  }

  /** A task of {@link #JOB} with id {@code id-<instance>}, in its status since the fixed age. */
  static ScheduledTask task(int instance, ScheduleStatus status) {
    return task(instance, status, "id-" + instance);
  }

  /** {@code task} with every event moved {@code ms} earlier: an older task of its instance. */
  static ScheduledTask older(ScheduledTask task, long ms) {
    task.getTaskEvents().forEach(e -> e.setTimestamp(e.getTimestamp() - ms));
    return task;
  }

  /** {@code task}, of job {@code key}. */
  static ScheduledTask of(JobKey key, ScheduledTask task) {
    task.getAssignedTask().getTask().setJob(key.deepCopy());
    return task;
  }

  /** A task of {@link #JOB}, in {@code status} since {@link #EVENT_AGE_MS} before the clock. */
  static ScheduledTask task(int instance, ScheduleStatus status, String id) {
    long now = ClientHarness.NOW.toEpochMilli();
    List<TaskEvent> events = new ArrayList<>();
    events.add(new TaskEvent(now - EVENT_AGE_MS - 60_000, ScheduleStatus.PENDING));
    if (status != ScheduleStatus.PENDING) {
      events.add(new TaskEvent(now - EVENT_AGE_MS, status));
    }
    return new ScheduledTask().setStatus(status).setTaskEvents(events)
        .setAssignedTask(new AssignedTask().setInstanceId(instance).setTaskId(id)
            .setSlaveHost(status == ScheduleStatus.PENDING ? null : "host-" + instance)
            .setTask(new TaskConfig().setJob(JOB.deepCopy()).setIsService(true)));
  }
}
