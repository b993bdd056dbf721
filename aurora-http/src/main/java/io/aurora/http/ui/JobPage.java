package io.aurora.http.ui;

import io.aurora.gen.ConfigGroup;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobSummary;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.PendingReason;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import io.aurora.gen.apiConstants;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /scheduler/ROLE/ENV/JOB}: the job's active instances (one page of them, fetched with the
 * query's offset and limit), its recently terminated tasks, pending reasons, a timeline picture,
 * its configuration and its updates.
 */
final class JobPage {
  static final int PAGE_SIZE = 50;
  static final int RECENT_TERMINATED = 20;

  private final ApiReader api;
  private final Clock clock;

  JobPage(ApiReader api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Page render(HttpServerExchange exchange, JobKey key) throws UiException {
    Instant now = clock.instant();
    String base = "/scheduler/" + key.getRole() + "/" + key.getEnvironment() + "/" + key.getName();
    Optional<JobSummary> summary = api.read(a -> a.getJobSummary(key.getRole()))
        .getJobSummaryResult().getSummaries().stream()
        .filter(s -> s.getJob().getKey().equals(key)).findFirst();
    Pager pager = Pager.from(exchange, "page", PAGE_SIZE);
    TaskQuery activeQuery = query(key).setStatuses(EnumSet.copyOf(apiConstants.ACTIVE_STATES))
        .setOffset(pager.offset()).setLimit(PAGE_SIZE);
    List<ScheduledTask> active = new ArrayList<>(api.read(a -> a.getTasksWithoutConfigs(activeQuery))
        .getScheduleStatusResult().getTasks());
    active.sort(Comparator.comparingInt(t -> t.getAssignedTask().getInstanceId()));
    int activeTotal = summary.map(s -> s.getStats().getActiveTaskCount()
        + s.getStats().getPendingTaskCount()).orElse(active.size());
    // The pruner keeps a job's terminated tasks few (-history_max_per_job_threshold), so all are
    // fetched and the newest shown; the ids' order says nothing about age.
    TaskQuery doneQuery = query(key).setStatuses(EnumSet.copyOf(apiConstants.TERMINAL_STATES));
    List<ScheduledTask> terminated = new ArrayList<>(api.read(a -> a.getTasksWithoutConfigs(
        doneQuery)).getScheduleStatusResult().getTasks());
    terminated.sort(Comparator.comparingLong(JobPage::lastEvent).reversed());
    int terminatedTotal = terminated.size();
    terminated = new ArrayList<>(terminated.subList(0, Math.min(RECENT_TERMINATED, terminatedTotal)));
    Map<String, String> reasons = new HashMap<>();
    if (active.stream().anyMatch(t -> t.getStatus() == io.aurora.gen.ScheduleStatus.PENDING)) {
      for (PendingReason r : api.read(a -> a.getPendingReason(query(key)))
          .getGetPendingReasonResult().getReasons()) {
        reasons.put(r.getTaskId(), r.getReason());
      }
    }

    HtmlWriter h = new HtmlWriter();
    summary.ifPresent(s -> {
      if (s.getJob().isSetCronSchedule() && !s.getJob().getCronSchedule().isEmpty()) {
        h.raw("<p class=\"cron\">Cron job, schedule <code>").text(s.getJob().getCronSchedule())
            .raw("</code>");
        if (s.isSetNextCronRunMs()) {
          Instant next = Instant.ofEpochMilli(s.getNextCronRunMs());
          h.text(", next run at " + RelativeTime.utc(next) + " (" + RelativeTime.from(next, now) + ")");
        }
        h.raw("</p>");
      }
    });
    h.raw("<section class=\"panel\"><h3>Active tasks (" + activeTotal + ")</h3>");
    if (active.isEmpty()) {
      h.raw("<p class=\"empty\">No active tasks.</p>");
    } else {
      h.raw(TaskRows.render(active, reasons, now, "active")).raw(pager.controls(activeTotal));
    }
    h.raw("</section>");

    List<ScheduledTask> drawn = new ArrayList<>(active);
    Set<Integer> shown = new java.util.HashSet<>();
    active.forEach(t -> shown.add(t.getAssignedTask().getInstanceId()));
    for (ScheduledTask t : terminated) {
      if (shown.isEmpty() || shown.contains(t.getAssignedTask().getInstanceId())) {
        drawn.add(t);
      }
    }
    h.raw("<section class=\"panel\"><h3>Timeline</h3>").raw(TimelineSvg.render(drawn, now))
        .raw("<p class=\"legend\"><span class=\"dot okay\"></span>running/finished "
            + "<span class=\"dot attention\"></span>pending/assigned/killing "
            + "<span class=\"dot in-progress\"></span>starting "
            + "<span class=\"dot error\"></span>failed "
            + "<span class=\"dot system\"></span>killed/other</p></section>");

    h.raw("<section class=\"panel\"><h3>Recently terminated (" + terminatedTotal + ")</h3>");
    h.raw(terminated.isEmpty() ? "<p class=\"empty\">None.</p>"
        : TaskRows.render(terminated, Map.of(), now, "terminated"));
    h.raw("</section>");

    h.raw("<section class=\"panel\"><h3>Configuration</h3>");
    List<ConfigGroup> groups = new ArrayList<>(api.read(a -> a.getConfigSummary(key))
        .getConfigSummaryResult().getSummary().getGroups());
    if (!groups.isEmpty()) {
      h.raw(JobConfigView.render(groups));
    } else if (summary.isPresent()) {
      h.raw("<h4>Job template</h4>").raw(JobConfigView.table(summary.get().getJob().getTaskConfig()));
    } else {
      h.raw("<p class=\"empty\">No such job.</p>");
    }
    h.raw("</section>");

    JobUpdateQuery updates = new JobUpdateQuery().setJobKey(key).setLimit(20);
    List<JobUpdateSummary> list = new ArrayList<>(api.read(a -> a.getJobUpdateSummaries(updates))
        .getGetJobUpdateSummariesResult().getUpdateSummaries());
    h.raw("<section class=\"panel\"><h3>Updates</h3>")
        .raw(UpdatesPage.table(list, now)).raw("</section>");
    String body = banner(list, base, now) + h;
    return new Page(List.of(
        new Page.Crumb(key.getRole(), "/scheduler/" + key.getRole()),
        new Page.Crumb(key.getEnvironment(), "/scheduler/" + key.getRole() + "/" + key.getEnvironment()),
        new Page.Crumb(key.getName(), base)), body);
  }

  /** A banner linking the job's active updates (rolling, paused or awaiting a pulse), if any. */
  private static String banner(List<JobUpdateSummary> updates, String base, Instant now) {
    HtmlWriter h = new HtmlWriter();
    for (JobUpdateSummary u : updates) {
      if (!UpdatesPage.ACTIVE.contains(u.getState().getStatus())) {
        continue;
      }
      h.raw("<div class=\"banner " + StatusStyles.of(u.getState().getStatus()) + "-banner\">")
          .raw(StatusStyles.badge(u.getState().getStatus())).raw(" ")
          .link(base + "/update/" + u.getKey().getId(), "Update " + u.getKey().getId())
          .text(" started by " + (u.isSetUser() ? u.getUser() : "?") + " "
              + RelativeTime.from(Instant.ofEpochMilli(u.getState().getCreatedTimestampMs()), now))
          .raw("</div>");
    }
    return h.toString();
  }

  static TaskQuery query(JobKey key) {
    return new TaskQuery().setRole(key.getRole()).setEnvironment(key.getEnvironment())
        .setJobName(key.getName());
  }

  static long lastEvent(ScheduledTask t) {
    return t.isSetTaskEvents() ? t.getTaskEvents().stream()
        .mapToLong(io.aurora.gen.TaskEvent::getTimestamp).max().orElse(0) : 0;
  }
}
