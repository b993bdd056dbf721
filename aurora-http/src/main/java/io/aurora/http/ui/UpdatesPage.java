package io.aurora.http.ui;

import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /updates}: the updates in progress and the recently completed ones, each list from one
 * {@code getJobUpdateSummaries} call limited to {@value #LIMIT} rows.
 */
final class UpdatesPage {
  static final int LIMIT = 100;

  /** Aurora's active update states: rolling, paused or awaiting a pulse. */
  static final Set<JobUpdateStatus> ACTIVE = EnumSet.of(JobUpdateStatus.ROLLING_FORWARD,
      JobUpdateStatus.ROLLING_BACK, JobUpdateStatus.ROLL_FORWARD_PAUSED,
      JobUpdateStatus.ROLL_BACK_PAUSED, JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE,
      JobUpdateStatus.ROLL_BACK_AWAITING_PULSE);

  private final ApiReader api;
  private final Clock clock;

  UpdatesPage(ApiReader api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Page render() throws UiException {
    Instant now = clock.instant();
    JobUpdateQuery inProgress = new JobUpdateQuery().setUpdateStatuses(ACTIVE).setLimit(LIMIT);
    JobUpdateQuery done = new JobUpdateQuery()
        .setUpdateStatuses(EnumSet.complementOf(EnumSet.copyOf(ACTIVE))).setLimit(LIMIT);
    HtmlWriter h = new HtmlWriter()
        .raw("<section class=\"panel\"><h3>Updates in progress</h3>")
        .raw(table(fetch(inProgress), now)).raw("</section>")
        .raw("<section class=\"panel\"><h3>Recently completed updates</h3>")
        .raw(table(fetch(done), now)).raw("</section>");
    return new Page(List.of(new Page.Crumb("updates", "/updates")), h.toString());
  }

  private List<JobUpdateSummary> fetch(JobUpdateQuery q) throws UiException {
    return new ArrayList<>(api.read(a -> a.getJobUpdateSummaries(q))
        .getGetJobUpdateSummariesResult().getUpdateSummaries());
  }

  /** Rows of updates, newest change first; "no updates" when there are none. */
  static String table(List<JobUpdateSummary> updates, Instant now) {
    if (updates.isEmpty()) {
      return "<p class=\"empty\">No updates.</p>";
    }
    List<JobUpdateSummary> sorted = new ArrayList<>(updates);
    sorted.sort(Comparator.comparingLong(
        (JobUpdateSummary s) -> s.getState().getLastModifiedTimestampMs()).reversed());
    HtmlWriter h = new HtmlWriter().raw("<table class=\"updates\"><thead><tr><th>Job</th>")
        .raw("<th>Update</th><th>Status</th><th>Started by</th><th>Started</th>")
        .raw("<th>Last change</th></tr></thead><tbody>");
    for (JobUpdateSummary s : sorted) {
      JobKey job = s.getKey().getJob();
      String path = job.getRole() + "/" + job.getEnvironment() + "/" + job.getName();
      h.raw("<tr><td>").link("/scheduler/" + path, path).raw("</td><td>")
          .link("/scheduler/" + path + "/update/" + s.getKey().getId(), s.getKey().getId())
          .raw("</td><td>" + StatusStyles.badge(s.getState().getStatus()) + "</td>")
          .el("td", s.isSetUser() ? s.getUser() : "")
          .el("td", RelativeTime.from(Instant.ofEpochMilli(s.getState().getCreatedTimestampMs()), now))
          .el("td", RelativeTime.from(
              Instant.ofEpochMilli(s.getState().getLastModifiedTimestampMs()), now))
          .raw("</tr>");
    }
    return h.raw("</tbody></table>").toString();
  }
}
