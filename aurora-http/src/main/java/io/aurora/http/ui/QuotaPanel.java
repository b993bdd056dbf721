package io.aurora.http.ui;

import io.aurora.gen.GetQuotaResult;
import io.aurora.gen.ResourceAggregate;
import java.util.Locale;

/** A role's quota and what its tasks consume, as Aurora's "Resources" panel showed it. */
final class QuotaPanel {
  private QuotaPanel() {}

  static String render(GetQuotaResult quota) {
    HtmlWriter h = new HtmlWriter().raw("<section class=\"panel quota\"><h3>Resources</h3>")
        .raw("<table class=\"quota\"><thead><tr><th></th><th>cpus</th><th>ram</th><th>disk</th>")
        .raw("</tr></thead><tbody>");
    int rows = 0;
    rows += row(h, "Quota", quota.getQuota());
    rows += row(h, "Quota Used", quota.getProdSharedConsumption());
    rows += row(h, "Production Dedicated", quota.getProdDedicatedConsumption());
    rows += row(h, "Non-Production", quota.getNonProdSharedConsumption());
    rows += row(h, "Non-Production Dedicated", quota.getNonProdDedicatedConsumption());
    if (rows == 0) {
      h.raw("<tr><td colspan=\"4\" class=\"empty\">No quota and nothing running.</td></tr>");
    }
    return h.raw("</tbody></table></section>").toString();
  }

  /** How much of the quota's largest dimension is used, "-" without quota. */
  static String usePercent(ResourceFormat.Totals used, ResourceFormat.Totals quota) {
    double pct = Math.max(ratio(used.cpus(), quota.cpus()),
        Math.max(ratio(used.ramMb(), quota.ramMb()), ratio(used.diskMb(), quota.diskMb())));
    if (quota.isZero()) {
      return used.isZero() ? "-" : "no quota";
    }
    return String.format(Locale.ROOT, "%.0f%%", pct * 100);
  }

  private static double ratio(double used, double quota) {
    return quota <= 0 ? 0 : used / quota;
  }

  private static int row(HtmlWriter h, String label, ResourceAggregate aggregate) {
    ResourceFormat.Totals t = ResourceFormat.of(aggregate);
    if (t.isZero()) {
      return 0;
    }
    h.raw("<tr data-row=\"" + HtmlWriter.attr(label) + "\">").el("th", label)
        .el("td", ResourceFormat.cpus(t.cpus()))
        .el("td", ResourceFormat.megabytes(t.ramMb()))
        .el("td", ResourceFormat.megabytes(t.diskMb())).raw("</tr>");
    return 1;
  }
}
