package io.aurora.http.ui;

import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobStats;
import io.aurora.gen.JobSummary;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /scheduler/ROLE} and {@code /scheduler/ROLE/ENV}: the role's jobs (from
 * {@code getJobSummary}), one row each, paged; and the role's quota (from {@code getQuota}).
 */
final class JobsPage {
  static final int PAGE_SIZE = 100;

  private final ApiReader api;
  private final Clock clock;

  JobsPage(ApiReader api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Page render(HttpServerExchange exchange, String role, String env) throws UiException {
    List<JobSummary> jobs = new ArrayList<>();
    for (JobSummary s : api.read(a -> a.getJobSummary(role)).getJobSummaryResult().getSummaries()) {
      if (env == null || env.equals(s.getJob().getKey().getEnvironment())) {
        jobs.add(s);
      }
    }
    jobs.sort(Comparator.comparing((JobSummary s) -> s.getJob().getKey().getEnvironment())
        .thenComparing(s -> s.getJob().getKey().getName()));
    Pager pager = Pager.from(exchange, "page", PAGE_SIZE);
    Instant now = clock.instant();
    HtmlWriter h = new HtmlWriter()
        .raw(QuotaPanel.render(api.read(a -> a.getQuota(role)).getGetQuotaResult()))
        .raw("<section class=\"panel\"><h3>Jobs</h3>");
    if (jobs.isEmpty()) {
      h.raw("<p class=\"empty\">No jobs.</p>");
    } else {
      h.raw("<table class=\"jobs\"><thead><tr><th>Environment</th><th>Name</th><th>Type</th>")
          .raw("<th>Tier</th><th>Production</th><th>Instances</th><th>Pending</th>")
          .raw("<th>Active</th><th>Finished</th><th>Failed</th><th>Cron schedule</th>")
          .raw("<th>Next run</th></tr></thead><tbody>");
      for (JobSummary s : pager.slice(jobs)) {
        JobConfiguration job = s.getJob();
        JobStats stats = s.getStats();
        String e = job.getKey().getEnvironment();
        String name = job.getKey().getName();
        h.raw("<tr data-job=\"" + HtmlWriter.attr(e + "/" + name) + "\"><td>")
            .link("/scheduler/" + role + "/" + e, e).raw("</td><td>")
            .link("/scheduler/" + role + "/" + e + "/" + name, name).raw("</td>")
            .el("td", type(job))
            .el("td", job.getTaskConfig().isSetTier() ? job.getTaskConfig().getTier() : "")
            .el("td", job.getTaskConfig().isProduction() ? "yes" : "no")
            .el("td", job.getInstanceCount())
            .el("td class=\"pending\"", stats.getPendingTaskCount())
            .el("td class=\"active\"", stats.getActiveTaskCount())
            .el("td class=\"finished\"", stats.getFinishedTaskCount())
            .el("td class=\"failed\"", stats.getFailedTaskCount())
            .el("td", job.isSetCronSchedule() ? job.getCronSchedule() : "")
            .el("td", s.isSetNextCronRunMs()
                ? RelativeTime.utc(Instant.ofEpochMilli(s.getNextCronRunMs())) + " ("
                    + RelativeTime.from(Instant.ofEpochMilli(s.getNextCronRunMs()), now) + ")"
                : "")
            .raw("</tr>");
      }
      h.raw("</tbody></table>").raw(pager.controls(jobs.size()));
    }
    h.raw("</section>");
    List<Page.Crumb> crumbs = new ArrayList<>(List.of(new Page.Crumb(role, "/scheduler/" + role)));
    if (env != null) {
      crumbs.add(new Page.Crumb(env, "/scheduler/" + role + "/" + env));
    }
    return new Page(crumbs, h.toString());
  }

  static String type(JobConfiguration job) {
    if (job.getTaskConfig().isIsService()) {
      return "service";
    }
    return job.isSetCronSchedule() && !job.getCronSchedule().isEmpty() ? "cron" : "adhoc";
  }
}
