package io.aurora.http.ui;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A table of tasks: instance, status, host, time in state, task id, and the latest event message
 * (for a pending task, its pending reason instead), each row expanding to the task's events.
 */
final class TaskRows {
  private TaskRows() {}

  static String render(List<ScheduledTask> tasks, Map<String, String> pendingReasons, Instant now,
      String cssClass) {
    HtmlWriter h = new HtmlWriter().raw("<table class=\"tasks " + cssClass + "\"><thead><tr>")
        .raw("<th>Instance</th><th>Status</th><th>Host</th><th>Time in state</th>")
        .raw("<th>Task id</th><th>Message</th></tr></thead><tbody>");
    for (ScheduledTask t : tasks) {
      String id = t.getAssignedTask().getTaskId();
      List<TaskEvent> events = new ArrayList<>(t.isSetTaskEvents() ? t.getTaskEvents() : List.of());
      events.sort(Comparator.comparingLong(TaskEvent::getTimestamp));
      TaskEvent latest = events.isEmpty() ? null : events.get(events.size() - 1);
      String message = latest != null && latest.isSetMessage() ? latest.getMessage() : "";
      String reason = pendingReasons.get(id);
      if (t.getStatus() == ScheduleStatus.PENDING && reason != null && !reason.isEmpty()) {
        message = reason;
      }
      String since = latest == null ? ""
          : RelativeTime.span(Duration.between(Instant.ofEpochMilli(latest.getTimestamp()), now));
      String host = t.getAssignedTask().isSetSlaveHost() ? t.getAssignedTask().getSlaveHost() : "";
      h.raw("<tr data-instance=\"" + t.getAssignedTask().getInstanceId() + "\" data-status=\""
              + t.getStatus() + "\">")
          .raw("<td>").link(base(t) + "/" + t.getAssignedTask().getInstanceId(),
              t.getAssignedTask().getInstanceId()).raw("</td>")
          .raw("<td>" + StatusStyles.badge(t.getStatus()) + "</td>")
          .el("td", host).el("td", since)
          .raw("<td class=\"taskid\">").link(base(t) + "/task/" + id, id).raw("</td>")
          .raw("<td class=\"message\">").text(message);
      if (!events.isEmpty()) {
        h.raw("<details><summary>events (" + events.size() + ")</summary><ol class=\"events\">");
        for (TaskEvent e : events) {
          h.raw("<li><span class=\"when\">")
              .text(RelativeTime.utc(Instant.ofEpochMilli(e.getTimestamp()))).raw("</span> ")
              .raw(StatusStyles.badge(e.getStatus()));
          if (e.isSetMessage() && !e.getMessage().isEmpty()) {
            h.raw(" <span class=\"msg\">").text(e.getMessage()).raw("</span>");
          }
          h.raw("</li>");
        }
        h.raw("</ol></details>");
      }
      h.raw("</td></tr>");
    }
    return h.raw("</tbody></table>").toString();
  }

  /** The job page of a task's job. */
  private static String base(ScheduledTask t) {
    io.aurora.gen.JobKey k = t.getAssignedTask().getTask().getJob();
    return "/scheduler/" + k.getRole() + "/" + k.getEnvironment() + "/" + k.getName();
  }
}
