package io.aurora.http.ui;

import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A picture of a job over time: one lane per instance, each task's states as coloured bars along a
 * shared time axis (from the earliest event shown to now). Drawn as inline SVG, so it needs no
 * script and no other host.
 */
final class TimelineSvg {
  private static final int LANE = 18;
  private static final int LEFT = 40;
  private static final int WIDTH = 900;
  private static final int TOP = 20;

  private TimelineSvg() {}

  static String render(List<ScheduledTask> tasks, Instant now) {
    Map<Integer, List<ScheduledTask>> byInstance = new TreeMap<>();
    Instant start = now;
    for (ScheduledTask t : tasks) {
      if (!t.isSetTaskEvents() || t.getTaskEvents().isEmpty()) {
        continue;
      }
      byInstance.computeIfAbsent(t.getAssignedTask().getInstanceId(), i -> new ArrayList<>()).add(t);
      for (TaskEvent e : t.getTaskEvents()) {
        Instant at = Instant.ofEpochMilli(e.getTimestamp());
        if (at.isBefore(start)) {
          start = at;
        }
      }
    }
    if (byInstance.isEmpty()) {
      return "<p class=\"empty\">No task events to draw.</p>";
    }
    long spanMs = Math.max(1000, Duration.between(start, now).toMillis());
    int height = TOP + byInstance.size() * LANE + 4;
    HtmlWriter h = new HtmlWriter().raw("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\""
        + " viewBox=\"0 0 " + (LEFT + WIDTH + 10) + " " + height + "\" width=\"100%\""
        + " role=\"img\" aria-label=\"task states per instance over time\">");
    h.raw("<text x=\"" + LEFT + "\" y=\"12\" class=\"axis\">").text(RelativeTime.utc(start))
        .raw("</text><text x=\"" + (LEFT + WIDTH) + "\" y=\"12\" class=\"axis\" text-anchor=\"end\">")
        .text("now (" + RelativeTime.span(Duration.ofMillis(spanMs)) + " shown)").raw("</text>");
    int lane = 0;
    for (Map.Entry<Integer, List<ScheduledTask>> e : byInstance.entrySet()) {
      int y = TOP + lane * LANE;
      h.raw("<text x=\"0\" y=\"" + (y + 12) + "\" class=\"lane\">").text(e.getKey()).raw("</text>");
      for (ScheduledTask t : e.getValue()) {
        List<TaskEvent> events = new ArrayList<>(t.getTaskEvents());
        events.sort(Comparator.comparingLong(TaskEvent::getTimestamp));
        for (int i = 0; i < events.size(); i++) {
          TaskEvent ev = events.get(i);
          long from = ev.getTimestamp();
          boolean last = i == events.size() - 1;
          // A terminal state is a point, not a span: draw it as a thin tick.
          long to = last ? (isTerminal(ev) ? from + spanMs / 200 : now.toEpochMilli())
              : events.get(i + 1).getTimestamp();
          double x = LEFT + WIDTH * (double) (from - start.toEpochMilli()) / spanMs;
          double w = Math.max(1.5, WIDTH * (double) (to - from) / spanMs);
          h.raw(String.format(java.util.Locale.ROOT,
                  "<rect class=\"bar %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\">",
                  StatusStyles.of(ev.getStatus()), x, y + 2, w, LANE - 6))
              .raw("<title>").text("instance " + e.getKey() + ": " + ev.getStatus() + " at "
                  + RelativeTime.utc(Instant.ofEpochMilli(from))
                  + (ev.isSetMessage() ? " - " + ev.getMessage() : ""))
              .raw("</title></rect>");
        }
      }
      lane++;
    }
    return h.raw("</svg>").toString();
  }

  private static boolean isTerminal(TaskEvent e) {
    return io.aurora.gen.apiConstants.TERMINAL_STATES.contains(e.getStatus());
  }
}
