package io.aurora.http.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineSvgTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:01:40Z");

  @Test
  void drawsALanePerInstance_withABarPerState_coloredByClass() {
    long t0 = NOW.toEpochMilli() - 100_000;
    String svg = TimelineSvg.render(List.of(
        task(0, ScheduleStatus.RUNNING, new TaskEvent(t0, ScheduleStatus.PENDING),
            new TaskEvent(t0 + 50_000, ScheduleStatus.RUNNING)),
        task(1, ScheduleStatus.FAILED, new TaskEvent(t0, ScheduleStatus.PENDING),
            new TaskEvent(t0 + 90_000, ScheduleStatus.FAILED).setMessage("exit <1>"))), NOW);
    assertThat(svg).startsWith("<svg").endsWith("</svg>");
    assertThat(svg.split("class=\"lane\"", -1)).hasSize(3);
    // PENDING spans the first half of lane 0: 450 of the 900 px axis, starting at the left edge.
    assertThat(svg).contains("<rect class=\"bar attention\" x=\"40.0\" y=\"22\" width=\"450.0\"");
    assertThat(svg).contains("class=\"bar okay\" x=\"490.0\"");
    assertThat(svg).contains("class=\"bar error\"").contains("exit &lt;1&gt;");
  }

  @Test
  void noEvents_sayso() {
    assertThat(TimelineSvg.render(List.of(), NOW)).contains("No task events");
  }

  private static ScheduledTask task(int instance, ScheduleStatus status, TaskEvent... events) {
    return new ScheduledTask().setStatus(status).setTaskEvents(List.of(events))
        .setAssignedTask(new AssignedTask().setInstanceId(instance).setTaskId("t" + instance));
  }
}
