package io.aurora.http.ui;

import io.aurora.gen.JobKey;
import io.aurora.gen.PendingReason;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import io.aurora.gen.apiConstants;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /scheduler/ROLE/ENV/JOB/INSTANCE} and {@code /scheduler/ROLE/ENV/JOB/task/ID}: one
 * instance's active task and its history, or one task, each with its events and timeline.
 */
final class InstancePage {
  private final ApiReader api;
  private final Clock clock;

  InstancePage(ApiReader api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Page instance(JobKey key, int instance) throws UiException {
    TaskQuery q = JobPage.query(key).setInstanceIds(Set.of(instance));
    return render(key, q, Integer.toString(instance), Integer.toString(instance),
        "Instance " + instance + " has no tasks; it may have been pruned.");
  }

  Page task(JobKey key, String taskId) throws UiException {
    TaskQuery q = JobPage.query(key).setTaskIds(Set.of(taskId));
    return render(key, q, taskId, "task/" + taskId, "Task not found, it may have been automatically pruned.");
  }

  private Page render(JobKey key, TaskQuery q, String label, String subpath, String missing)
      throws UiException {
    Instant now = clock.instant();
    List<ScheduledTask> tasks = new ArrayList<>(api.read(a -> a.getTasksWithoutConfigs(q))
        .getScheduleStatusResult().getTasks());
    tasks.sort(Comparator.comparingLong(JobPage::lastEvent).reversed());
    List<ScheduledTask> active = new ArrayList<>();
    List<ScheduledTask> done = new ArrayList<>();
    for (ScheduledTask t : tasks) {
      (apiConstants.ACTIVE_STATES.contains(t.getStatus()) ? active : done).add(t);
    }
    Map<String, String> reasons = new HashMap<>();
    if (active.stream().anyMatch(t -> t.getStatus() == io.aurora.gen.ScheduleStatus.PENDING)) {
      for (PendingReason r : api.read(a -> a.getPendingReason(q.deepCopy().setStatuses(null)))
          .getGetPendingReasonResult().getReasons()) {
        reasons.put(r.getTaskId(), r.getReason());
      }
    }
    HtmlWriter h = new HtmlWriter();
    if (tasks.isEmpty()) {
      h.raw("<section class=\"panel\"><p class=\"empty\">").text(missing).raw("</p></section>");
    } else {
      h.raw("<section class=\"panel\"><h3>Active task</h3>")
          .raw(active.isEmpty() ? "<p class=\"empty\">No active task found.</p>"
              : TaskRows.render(active, reasons, now, "active"))
          .raw("</section><section class=\"panel\"><h3>Timeline</h3>")
          .raw(TimelineSvg.render(tasks, now))
          .raw("</section><section class=\"panel\"><h3>History</h3>")
          .raw(done.isEmpty() ? "<p class=\"empty\">None.</p>"
              : TaskRows.render(done, Map.of(), now, "terminated"))
          .raw("</section>");
    }
    String base = "/scheduler/" + key.getRole() + "/" + key.getEnvironment() + "/" + key.getName();
    return new Page(List.of(
        new Page.Crumb(key.getRole(), "/scheduler/" + key.getRole()),
        new Page.Crumb(key.getEnvironment(), "/scheduler/" + key.getRole() + "/"
            + key.getEnvironment()),
        new Page.Crumb(key.getName(), base),
        new Page.Crumb(label, base + "/" + subpath)), h.toString());
  }
}
