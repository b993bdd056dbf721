package io.aurora.http.ui;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Range;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /scheduler/ROLE/ENV/JOB/update/ID}: one update's status, settings, per-instance progress
 * (a grid with a cell per instance) and events, from {@code getJobUpdateDetails}.
 */
final class UpdatePage {
  private final ApiReader api;
  private final Clock clock;

  UpdatePage(ApiReader api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Page render(JobKey job, String id) throws UiException {
    Instant now = clock.instant();
    JobUpdateQuery q = new JobUpdateQuery().setKey(new JobUpdateKey(job, id));
    List<JobUpdateDetails> found = api.read(a -> a.getJobUpdateDetails(null, q))
        .getGetJobUpdateDetailsResult().getDetailsList();
    String base = "/scheduler/" + job.getRole() + "/" + job.getEnvironment() + "/" + job.getName();
    List<Page.Crumb> crumbs = List.of(
        new Page.Crumb(job.getRole(), "/scheduler/" + job.getRole()),
        new Page.Crumb(job.getEnvironment(), "/scheduler/" + job.getRole() + "/" + job.getEnvironment()),
        new Page.Crumb(job.getName(), base), new Page.Crumb(id, base + "/update/" + id));
    if (found == null || found.isEmpty()) {
      throw new UiException(404, "No update " + id + " of " + job.getRole() + "/"
          + job.getEnvironment() + "/" + job.getName() + ".");
    }
    JobUpdateDetails d = found.get(0);
    JobUpdateSummary s = d.getUpdate().getSummary();
    HtmlWriter h = new HtmlWriter().raw("<section class=\"panel\"><h3>Update ")
        .text(id).raw("</h3><p>" + StatusStyles.badge(s.getState().getStatus()) + " started by ")
        .text(s.isSetUser() ? s.getUser() : "?").text(" "
            + RelativeTime.from(Instant.ofEpochMilli(s.getState().getCreatedTimestampMs()), now)
            + ", last change " + RelativeTime.from(
                Instant.ofEpochMilli(s.getState().getLastModifiedTimestampMs()), now))
        .raw("</p>");

    TreeSet<Integer> total = new TreeSet<>();
    if (d.getUpdate().getInstructions().isSetInitialState()) {
      for (InstanceTaskConfig c : d.getUpdate().getInstructions().getInitialState()) {
        addRanges(total, c.getInstances());
      }
    }
    if (d.getUpdate().getInstructions().isSetDesiredState()) {
      addRanges(total, d.getUpdate().getInstructions().getDesiredState().getInstances());
    }
    Map<Integer, JobInstanceUpdateEvent> latest = new TreeMap<>();
    List<JobInstanceUpdateEvent> instanceEvents = d.isSetInstanceEvents()
        ? new ArrayList<>(d.getInstanceEvents()) : new ArrayList<>();
    instanceEvents.sort(Comparator.comparingLong(JobInstanceUpdateEvent::getTimestampMs));
    instanceEvents.forEach(e -> latest.put(e.getInstanceId(), e));
    long updated = latest.values().stream()
        .filter(e -> e.getAction() == JobUpdateAction.INSTANCE_UPDATED).count();
    h.raw("<p class=\"progress\">").text(updated + " / " + total.size() + " instances updated ("
        + (total.isEmpty() ? 100 : updated * 100 / total.size()) + "%)").raw("</p>")
        .raw("<div class=\"grid\">");
    for (int i : total) {
      JobInstanceUpdateEvent e = latest.get(i);
      String cls = e == null ? "pending" : actionClass(e.getAction());
      h.raw("<a class=\"cell " + cls + "\" href=\"" + HtmlWriter.attr(base) + "\" title=\"")
          .text("instance " + i + ": " + (e == null ? "not started" : e.getAction()))
          .raw("\"></a>");
    }
    h.raw("</div></section>");

    JobUpdateSettings st = d.getUpdate().getInstructions().getSettings();
    h.raw("<section class=\"panel\"><h3>Update settings</h3><table class=\"config\"><tbody>")
        .raw("<tr><th>Batch size</th><td>").text(st.getUpdateGroupSize()).raw("</td></tr>")
        .raw("<tr><th>Max failures per instance</th><td>").text(st.getMaxPerInstanceFailures())
        .raw("</td></tr><tr><th>Max failed instances</th><td>").text(st.getMaxFailedInstances())
        .raw("</td></tr><tr><th>Minimum waiting time in running</th><td>")
        .text(RelativeTime.span(Duration.ofMillis(st.getMinWaitInInstanceRunningMs())))
        .raw("</td></tr><tr><th>Rollback on failure</th><td>")
        .text(st.isRollbackOnFailure() ? "yes" : "no")
        .raw("</td></tr><tr><th>SLA-aware</th><td>").text(st.isSlaAware() ? "yes" : "no")
        .raw("</td></tr></tbody></table></section>");

    h.raw("<section class=\"panel\"><h3>Update events</h3><ol class=\"events\">");
    if (d.isSetUpdateEvents()) {
      for (JobUpdateEvent e : d.getUpdateEvents()) {
        h.raw("<li><span class=\"when\">").text(RelativeTime.utc(Instant.ofEpochMilli(
            e.getTimestampMs()))).raw("</span> " + StatusStyles.badge(e.getStatus()));
        if (e.isSetMessage()) {
          h.raw(" <span class=\"msg\">").text(e.getMessage()).raw("</span>");
        }
        h.raw("</li>");
      }
    }
    h.raw("</ol><h3>Instance events</h3><ol class=\"events\">");
    for (int i = instanceEvents.size() - 1; i >= 0 && i >= instanceEvents.size() - 200; i--) {
      JobInstanceUpdateEvent e = instanceEvents.get(i);
      h.raw("<li><span class=\"when\">").text(RelativeTime.utc(Instant.ofEpochMilli(
          e.getTimestampMs()))).raw("</span> #").text(e.getInstanceId()).raw(" <span class=\"dot "
          + actionClass(e.getAction()) + "\"></span>").text(e.getAction()).raw("</li>");
    }
    h.raw("</ol></section>");
    return new Page(crumbs, h.toString());
  }

  private static void addRanges(TreeSet<Integer> into, java.util.Set<Range> ranges) {
    for (Range r : ranges) {
      for (int i = r.getFirst(); i <= r.getLast(); i++) {
        into.add(i);
      }
    }
  }

  static String actionClass(JobUpdateAction a) {
    return switch (a) {
      case INSTANCE_UPDATED -> "okay";
      case INSTANCE_ROLLING_BACK, INSTANCE_ROLLED_BACK -> "attention";
      case INSTANCE_UPDATE_FAILED, INSTANCE_ROLLBACK_FAILED -> "error";
      default -> "in-progress";
    };
  }
}
