package io.aurora.http.ui;

import io.aurora.gen.Attribute;
import io.aurora.gen.HostAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code /agents}: every agent the scheduler knows, with its agent id, maintenance mode and
 * attributes ({@code name=[v1,v2]}, sorted by name), as Aurora's agents page listed them.
 */
final class AgentsPage {
  private final Supplier<List<HostAttributes>> agents;

  AgentsPage(Supplier<List<HostAttributes>> agents) {
    this.agents = agents;
  }

  Page render() {
    List<HostAttributes> all = new ArrayList<>(agents.get());
    all.sort(Comparator.comparing(HostAttributes::getHost));
    HtmlWriter h = new HtmlWriter().raw("<section class=\"panel\"><h3>Agent hosts</h3>");
    if (all.isEmpty()) {
      return new Page(List.of(new Page.Crumb("agents", "/agents")),
          h.raw("<p class=\"empty\">No agents known yet.</p></section>").toString());
    }
    h.raw("<table class=\"agents\"><thead><tr><th>Host</th><th>Agent ID</th>")
        .raw("<th>Maintenance mode</th><th>Attributes</th></tr></thead><tbody>");
    for (HostAttributes a : all) {
      List<String> attrs = new ArrayList<>();
      if (a.isSetAttributes()) {
        List<Attribute> sorted = new ArrayList<>(a.getAttributes());
        sorted.sort(Comparator.comparing(Attribute::getName));
        for (Attribute attr : sorted) {
          attrs.add(attr.getName() + "=[" + String.join(",", new TreeSet<>(attr.getValues())) + "]");
        }
      }
      h.raw("<tr data-host=\"" + HtmlWriter.attr(a.getHost()) + "\">").el("td", a.getHost())
          .el("td", a.isSetSlaveId() ? a.getSlaveId() : "")
          .el("td", a.isSetMode() ? a.getMode() : "NONE")
          .el("td", String.join(", ", attrs)).raw("</tr>");
    }
    return new Page(List.of(new Page.Crumb("agents", "/agents")),
        h.raw("</tbody></table></section>").toString());
  }
}
