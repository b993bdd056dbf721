package io.aurora.http.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.ConfigGroup;
import io.aurora.gen.Constraint;
import io.aurora.gen.Metadata;
import io.aurora.gen.Range;
import io.aurora.gen.Resource;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A job's configuration, one table per group of instances that share a task config: resources,
 * constraints, tier, production, service, metadata, contact, and the command lines found in the
 * executor data (a Thermos config's {@code task.processes[].cmdline}).
 */
final class JobConfigView {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobConfigView() {}

  static String render(List<ConfigGroup> groups) {
    List<ConfigGroup> sorted = new ArrayList<>(groups);
    sorted.sort(Comparator.comparingInt(g -> firstInstance(g.getInstances())));
    HtmlWriter h = new HtmlWriter();
    for (ConfigGroup g : sorted) {
      h.raw("<h4>Configuration for instance ").text(ranges(g.getInstances())).raw("</h4>")
          .raw(table(g.getConfig()));
    }
    return h.toString();
  }

  /** The rows for one task config. */
  static String table(TaskConfig c) {
    HtmlWriter h = new HtmlWriter().raw("<table class=\"config\"><tbody>");
    ResourceFormat.Totals t = ResourceFormat.of(c.getResources());
    TreeSet<String> ports = new TreeSet<>();
    if (c.isSetResources()) {
      for (Resource r : c.getResources()) {
        if (r.isSetNamedPort()) {
          ports.add(r.getNamedPort());
        }
      }
    }
    h.raw("<tr><th>Resources</th><td>").text("cpus " + ResourceFormat.cpus(t.cpus())
        + ", ram " + ResourceFormat.megabytes(t.ramMb())
        + ", disk " + ResourceFormat.megabytes(t.diskMb())
        + (ports.isEmpty() ? "" : ", ports " + String.join(", ", ports))).raw("</td></tr>");
    if (c.isSetConstraints() && !c.getConstraints().isEmpty()) {
      List<String> cs = new ArrayList<>();
      for (Constraint k : c.getConstraints()) {
        cs.add(k.getName() + ": " + constraint(k.getConstraint()));
      }
      cs.sort(null);
      h.raw("<tr><th>Constraints</th><td>").text(String.join("; ", cs)).raw("</td></tr>");
    }
    h.raw("<tr><th>Tier</th><td>").text(c.isSetTier() ? c.getTier() : "(default)")
        .raw("</td></tr>")
        .raw("<tr><th>Production</th><td>").text(c.isProduction()).raw("</td></tr>")
        .raw("<tr><th>Service</th><td>").text(c.isIsService()).raw("</td></tr>");
    if (c.isSetMetadata() && !c.getMetadata().isEmpty()) {
      List<String> md = new ArrayList<>();
      for (Metadata m : c.getMetadata()) {
        md.add(m.getKey() + ": " + m.getValue());
      }
      md.sort(null);
      h.raw("<tr><th>Metadata</th><td>").text(String.join(", ", md)).raw("</td></tr>");
    }
    if (c.isSetContactEmail()) {
      h.raw("<tr><th>Contact</th><td>").text(c.getContactEmail()).raw("</td></tr>");
    }
    List<String> lines = commandLines(c);
    if (!lines.isEmpty()) {
      h.raw("<tr><th>Command lines</th><td>");
      for (String line : lines) {
        h.raw("<pre class=\"cmd\">").text(line).raw("</pre>");
      }
      h.raw("</td></tr>");
    }
    return h.raw("</tbody></table>").toString();
  }

  /** {@code =a,b}, {@code !a}, or {@code limit=N}. */
  static String constraint(TaskConstraint tc) {
    if (tc.isSetLimit()) {
      return "limit=" + tc.getLimit().getLimit();
    }
    if (tc.isSetValue()) {
      TreeSet<String> values = new TreeSet<>(tc.getValue().getValues());
      return (tc.getValue().isNegated() ? "!" : "=") + String.join(",", values);
    }
    return "?";
  }

  /** The processes' command lines of an Aurora executor config, in declared order. */
  static List<String> commandLines(TaskConfig c) {
    if (!c.isSetExecutorConfig() || c.getExecutorConfig().getData() == null
        || !c.getExecutorConfig().getData().startsWith("{")) {
      return List.of();
    }
    try {
      JsonNode root = JSON.readTree(c.getExecutorConfig().getData());
      JsonNode processes = root.path("task").path("processes");
      if (!processes.isArray()) {
        processes = root.path("processes");
      }
      List<String> lines = new ArrayList<>();
      for (JsonNode p : processes) {
        lines.add(p.path("name").asText("") + ": " + p.path("cmdline").asText(""));
      }
      return lines;
    } catch (IOException e) {
      return List.of("(executor data is not JSON: " + e.getMessage() + ")");
    }
  }

  /** "0 - 4, 7". */
  static String ranges(java.util.Set<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingInt(Range::getFirst));
    List<String> parts = new ArrayList<>();
    for (Range r : sorted) {
      parts.add(r.getFirst() == r.getLast() ? Integer.toString(r.getFirst())
          : r.getFirst() + " - " + r.getLast());
    }
    return String.join(", ", parts);
  }

  private static int firstInstance(java.util.Set<Range> ranges) {
    return ranges.stream().mapToInt(Range::getFirst).min().orElse(0);
  }
}
