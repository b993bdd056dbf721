package io.aurora.http.ui;

import io.aurora.gen.Constraint;
import io.aurora.gen.GetQuotaResult;
import io.aurora.gen.RoleSummary;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskQuery;
import io.aurora.gen.apiConstants;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /utilization}, {@code /utilization/METRIC} and {@code /utilization/METRIC/ROLE}: what
 * active tasks consume, for the cluster, per role and per job, in Aurora's four metrics, with a bar
 * per row scaled to the largest. The cluster and role views add up each role's {@code getQuota}
 * consumption; the job view sums the role's active tasks.
 */
final class UtilizationPage {
  /** Aurora's metrics: URL name to label. */
  static final Map<String, String> METRICS = new LinkedHashMap<>();

  static {
    METRICS.put("total_consumed", "total consumed");
    METRICS.put("dedicated_consumed", "dedicated consumed");
    METRICS.put("quota_consumed", "quota consumed");
    METRICS.put("free_pool_consumed", "free pool consumed");
  }

  private final ApiReader api;

  UtilizationPage(ApiReader api) {
    this.api = api;
  }

  Page render(List<String> parts) throws UiException {
    if (parts.isEmpty()) {
      Map<String, ResourceFormat.Totals> rows = new LinkedHashMap<>();
      METRICS.values().forEach(label -> rows.put(label, ResourceFormat.Totals.ZERO));
      for (String role : roles()) {
        GetQuotaResult q = api.read(a -> a.getQuota(role)).getGetQuotaResult();
        for (String metric : METRICS.keySet()) {
          rows.merge(METRICS.get(metric), metric(q, metric), ResourceFormat.Totals::plus);
        }
      }
      Map<String, String> links = new LinkedHashMap<>();
      METRICS.forEach((k, v) -> links.put(v, "/utilization/" + k));
      return page("Cluster utilization", rows, links, List.of());
    }
    String metric = parts.get(0).toLowerCase(Locale.ROOT);
    if (!METRICS.containsKey(metric)) {
      throw new UiException(400, "Invalid metric type.");
    }
    List<Page.Crumb> crumbs = new ArrayList<>(List.of(
        new Page.Crumb(METRICS.get(metric), "/utilization/" + metric)));
    if (parts.size() == 1) {
      Map<String, ResourceFormat.Totals> rows = new TreeMap<>();
      Map<String, String> links = new TreeMap<>();
      for (String role : roles()) {
        ResourceFormat.Totals t = metric(api.read(a -> a.getQuota(role)).getGetQuotaResult(), metric);
        if (!t.isZero()) {
          rows.put(role, t);
          links.put(role, "/utilization/" + metric + "/" + role);
        }
      }
      return page("Cluster utilization: " + METRICS.get(metric), rows, links, crumbs);
    }
    String role = parts.get(1);
    TaskQuery q = new TaskQuery().setRole(role)
        .setStatuses(EnumSet.copyOf(apiConstants.ACTIVE_STATES));
    Map<String, ResourceFormat.Totals> rows = new TreeMap<>();
    for (ScheduledTask t : api.read(a -> a.getTasksWithoutConfigs(q))
        .getScheduleStatusResult().getTasks()) {
      TaskConfig c = t.getAssignedTask().getTask();
      if (counts(c, metric)) {
        rows.merge(c.getJob().getEnvironment() + "/" + c.getJob().getName(),
            ResourceFormat.of(c.getResources()), ResourceFormat.Totals::plus);
      }
    }
    crumbs.add(new Page.Crumb(role, "/utilization/" + metric + "/" + role));
    return page("Cluster utilization: " + METRICS.get(metric) + " by " + role, rows, Map.of(), crumbs);
  }

  private List<String> roles() throws UiException {
    List<String> roles = new ArrayList<>();
    for (RoleSummary s : api.read(a -> a.getRoleSummary()).getRoleSummaryResult().getSummaries()) {
      roles.add(s.getRole());
    }
    roles.sort(null);
    return roles;
  }

  private static ResourceFormat.Totals metric(GetQuotaResult q, String metric) {
    ResourceFormat.Totals prodShared = ResourceFormat.of(q.getProdSharedConsumption());
    ResourceFormat.Totals prodDedicated = ResourceFormat.of(q.getProdDedicatedConsumption());
    ResourceFormat.Totals nonProdShared = ResourceFormat.of(q.getNonProdSharedConsumption());
    ResourceFormat.Totals nonProdDedicated = ResourceFormat.of(q.getNonProdDedicatedConsumption());
    return switch (metric) {
      case "dedicated_consumed" -> prodDedicated.plus(nonProdDedicated);
      case "quota_consumed" -> prodShared;
      case "free_pool_consumed" -> nonProdShared;
      default -> prodShared.plus(prodDedicated).plus(nonProdShared).plus(nonProdDedicated);
    };
  }

  private static boolean counts(TaskConfig c, String metric) {
    boolean dedicated = c.isSetConstraints()
        && c.getConstraints().stream().map(Constraint::getName).anyMatch("dedicated"::equals);
    return switch (metric) {
      case "dedicated_consumed" -> dedicated;
      case "quota_consumed" -> !dedicated && c.isProduction();
      case "free_pool_consumed" -> !dedicated && !c.isProduction();
      default -> true;
    };
  }

  private static Page page(String title, Map<String, ResourceFormat.Totals> rows,
      Map<String, String> links, List<Page.Crumb> crumbs) {
    double maxCpu = rows.values().stream().mapToDouble(ResourceFormat.Totals::cpus).max().orElse(0);
    HtmlWriter h = new HtmlWriter().raw("<section class=\"panel\"><h3>").text(title)
        .raw("</h3><table class=\"utilization\"><thead><tr><th>Type</th><th>CPU</th><th>RAM</th>")
        .raw("<th>Disk</th><th>CPU share</th></tr></thead><tbody>");
    rows.forEach((label, t) -> {
      h.raw("<tr><td>");
      if (links.containsKey(label)) {
        h.link(links.get(label), label);
      } else {
        h.text(label);
      }
      double pct = maxCpu <= 0 ? 0 : 100 * t.cpus() / maxCpu;
      h.raw("</td>").el("td", (long) t.cpus()).el("td", t.ramMb() + " MB")
          .el("td", t.diskMb() + " MB")
          .raw(String.format(Locale.ROOT, "<td class=\"barcell\"><span class=\"hbar\" "
              + "style=\"width:%.0f%%\"></span></td></tr>", pct));
    });
    h.raw("</tbody></table></section>");
    return new Page(crumbs, h.toString());
  }
}
