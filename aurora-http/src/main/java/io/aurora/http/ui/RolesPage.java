package io.aurora.http.ui;

import io.aurora.gen.GetQuotaResult;
import io.aurora.gen.JobStats;
import io.aurora.gen.JobSummary;
import io.aurora.gen.RoleSummary;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /scheduler}: every role with its jobs, crons, tasks by state and quota use. Roles come
 * from {@code getRoleSummary}; the per-role calls ({@code getJobSummary}, {@code getQuota}) are
 * made only for the roles on the page shown.
 */
final class RolesPage {
  static final int PAGE_SIZE = 50;

  private final ApiReader api;

  RolesPage(ApiReader api) {
    this.api = api;
  }

  Page render(HttpServerExchange exchange) throws UiException {
    List<RoleSummary> roles = new ArrayList<>(
        api.read(a -> a.getRoleSummary()).getRoleSummaryResult().getSummaries());
    roles.sort(Comparator.comparing(RoleSummary::getRole));
    Pager pager = Pager.from(exchange, "page", PAGE_SIZE);
    HtmlWriter h = new HtmlWriter().raw("<section class=\"panel\"><h3>Roles</h3>");
    if (roles.isEmpty()) {
      h.raw("<p class=\"empty\">No jobs yet.</p></section>");
      return new Page(List.of(), h.toString());
    }
    h.raw("<table class=\"roles\"><thead><tr><th>Role</th><th>Jobs</th><th>Crons</th>")
        .raw("<th>Pending</th><th>Active</th><th>Finished</th><th>Failed</th>")
        .raw("<th>Quota cpus</th><th>Quota ram</th><th>Quota disk</th><th>Quota used</th>")
        .raw("</tr></thead><tbody>");
    for (RoleSummary role : pager.slice(roles)) {
      JobStats stats = new JobStats();
      for (JobSummary s : api.read(a -> a.getJobSummary(role.getRole()))
          .getJobSummaryResult().getSummaries()) {
        stats.setPendingTaskCount(stats.getPendingTaskCount() + s.getStats().getPendingTaskCount());
        stats.setActiveTaskCount(stats.getActiveTaskCount() + s.getStats().getActiveTaskCount());
        stats.setFinishedTaskCount(
            stats.getFinishedTaskCount() + s.getStats().getFinishedTaskCount());
        stats.setFailedTaskCount(stats.getFailedTaskCount() + s.getStats().getFailedTaskCount());
      }
      GetQuotaResult quota = api.read(a -> a.getQuota(role.getRole())).getGetQuotaResult();
      ResourceFormat.Totals q = ResourceFormat.of(quota.getQuota());
      ResourceFormat.Totals used = ResourceFormat.of(quota.getProdSharedConsumption());
      h.raw("<tr data-role=\"" + HtmlWriter.attr(role.getRole()) + "\"><td>")
          .link("/scheduler/" + role.getRole(), role.getRole()).raw("</td>")
          .el("td", role.getJobCount()).el("td", role.getCronJobCount())
          .el("td class=\"pending\"", stats.getPendingTaskCount())
          .el("td class=\"active\"", stats.getActiveTaskCount())
          .el("td class=\"finished\"", stats.getFinishedTaskCount())
          .el("td class=\"failed\"", stats.getFailedTaskCount())
          .el("td", ResourceFormat.cpus(q.cpus()))
          .el("td", ResourceFormat.megabytes(q.ramMb()))
          .el("td", ResourceFormat.megabytes(q.diskMb()))
          .el("td", QuotaPanel.usePercent(used, q))
          .raw("</tr>");
    }
    h.raw("</tbody></table>").raw(pager.controls(roles.size())).raw("</section>");
    return new Page(List.of(), h.toString());
  }
}
