package io.aurora.server.app;

import com.google.common.base.Ticker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each step of this process's takeover happened, read from the injected {@link Ticker}: one
 * INFO line per step as it happens ({@code Takeover: <step> at +<ms> ms (<delta> ms after
 * <previous step>)}), one summary line once every step after leadership is done, and a gauge per
 * step, {@code takeover_<step>_ms}: milliseconds from leadership acquired to the step, -1 until it
 * happens. {@code takeover_total_ms} is from leadership acquired to the last step (-1 until all are
 * done); {@code takeover_leader_gone_to_leadership_ms} from this process seeing the previous
 * leader's election lock go to its own leadership (-1 if it saw none, as the first leader of a
 * cluster).
 *
 * <p>A scheduler leads once per process, so there is one takeover per timeline. Each step counts
 * its first occurrence; the previous leader's end counts its latest occurrence before leadership
 * (a contender sees every leader before the one it succeeds go), or one seen just after leadership
 * but before the log writer is elected (two ZooKeeper watches racing). Steps may come in any order
 * (the first durable write can precede ACTIVE); a line's delta is from the step logged before it.
 * Thread-safe; marking takes a lock and never blocks otherwise.
 */
@Singleton
public final class TakeoverTimeline {
  private static final Logger LOG = LoggerFactory.getLogger(TakeoverTimeline.class);
  private static final long UNSET = Long.MIN_VALUE;

  /** The steps, in their usual order. */
  public enum Step {
    /** The previous leader's election lock node seen deleted (its session expired or it quit). */
    LEADER_GONE_SEEN("previous leader's lock seen gone", "leader_gone_seen"),
    /** Curator handed this process leadership (its {@code takeLeadership} entered). */
    LEADERSHIP_ACQUIRED("leadership acquired", "leadership_acquired"),
    /** The replicated log elected this replica's writer (phase 1 and hole filling done). */
    LOG_WRITER_ELECTED("log writer elected", "log_writer_elected"),
    /** The storage applied the log entries it had not learned and accepts writes. */
    STORAGE_LEADING("storage leading (caught up)", "storage_leading"),
    /** The Mesos driver was asked to subscribe (it sends SUBSCRIBE from its own thread). */
    SUBSCRIBING("Mesos subscription started", "subscribing"),
    /** Mesos answered SUBSCRIBED and the framework id is stored. */
    SUBSCRIBED("subscribed to Mesos", "subscribed"),
    /** The scheduling runtime started: reconciliation, timers, rounds; the API serves writes. */
    ACTIVE("runtime started (ACTIVE)", "active"),
    /** The serverset member is announced: clients find this leader. */
    ANNOUNCED("serverset member announced", "announced"),
    /** The first log append after leading was acknowledged by a quorum. */
    FIRST_WRITE("first durable write", "first_write");

    private final String description;
    private final String metric;

    Step(String description, String metric) {
      this.description = description;
      this.metric = metric;
    }

    /** The words of the log line. */
    public String description() {
      return description;
    }

    /** The gauge's name: {@code takeover_<step>_ms}. */
    public String gaugeName() {
      return "takeover_" + metric + "_ms";
    }
  }

  private final Ticker ticker;
  private final Consumer<String> out;
  /** Ticker readings per step, UNSET before the step; guarded by this. */
  private final Map<Step, Long> at = new EnumMap<>(Step.class);
  /** The step logged last; guarded by this. */
  private Step last;
  private boolean summarized;

  @Inject
  public TakeoverTimeline(Ticker ticker, MeterRegistry registry) {
    this(ticker, registry, LOG::info);
  }

  /** With the lines going to {@code out} (tests). */
  TakeoverTimeline(Ticker ticker, MeterRegistry registry, Consumer<String> out) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.out = Objects.requireNonNull(out, "out");
    for (Step step : Step.values()) {
      at.put(step, UNSET);
      if (step != Step.LEADER_GONE_SEEN && step != Step.LEADERSHIP_ACQUIRED) {
        Gauge.builder(step.gaugeName(), this, t -> t.sinceLeadershipMs(step)).register(registry);
      }
    }
    Gauge.builder("takeover_total_ms", this, TakeoverTimeline::totalMs).register(registry);
    Gauge.builder("takeover_leader_gone_to_leadership_ms", this, TakeoverTimeline::noticeMs)
        .register(registry);
  }

  /** Records that {@code step} happened now; logs its line, and the summary once all are done. */
  public void mark(Step step) {
    long now = ticker.read();
    String line;
    String summary = null;
    synchronized (this) {
      if (!accepts(step)) {
        return;
      }
      at.put(step, now);
      line = line(step, now);
      last = step;
      if (!summarized && complete()) {
        summarized = true;
        summary = summary();
      }
    }
    out.accept(line);
    if (summary != null) {
      out.accept(summary);
    }
  }

  private boolean accepts(Step step) {
    if (step == Step.LEADER_GONE_SEEN) {
      // The latest before leadership; one just after it is a race of two watches.
      return isUnset(Step.LEADERSHIP_ACQUIRED)
          || (isUnset(Step.LEADER_GONE_SEEN) && isUnset(Step.LOG_WRITER_ELECTED));
    }
    return isUnset(step);
  }

  private String line(Step step, long now) {
    long origin = origin();
    StringBuilder line = new StringBuilder("Takeover: ").append(step.description())
        .append(" at +").append(ms(now - origin)).append(" ms");
    if (last != null && last != step && !isUnset(last)) {
      line.append(" (").append(ms(now - at.get(last))).append(" ms after ")
          .append(last.description()).append(')');
    }
    return line.toString();
  }

  /** The first known step: the previous leader's end if seen (and not after), else leadership. */
  private long origin() {
    long gone = at.get(Step.LEADER_GONE_SEEN);
    long leading = at.get(Step.LEADERSHIP_ACQUIRED);
    if (gone == UNSET) {
      return leading == UNSET ? ticker.read() : leading;
    }
    return leading == UNSET ? gone : Math.min(gone, leading);
  }

  private boolean complete() {
    for (Step step : Step.values()) {
      if (step != Step.LEADER_GONE_SEEN && isUnset(step)) {
        return false;
      }
    }
    return true;
  }

  /** The summary line; call only once every step after leadership is set. */
  private String summary() {
    long leading = at.get(Step.LEADERSHIP_ACQUIRED);
    long end = lastStepAt();
    StringJoiner steps = new StringJoiner(", ");
    for (Step step : Step.values()) {
      if (step != Step.LEADERSHIP_ACQUIRED && !isUnset(step)) {
        steps.add(step.metric + " " + signed(at.get(step) - leading));
      }
    }
    StringBuilder s = new StringBuilder("Takeover timeline: ms from leadership acquired: ")
        .append(steps).append("; total ").append(ms(end - leading)).append(" ms");
    if (isUnset(Step.LEADER_GONE_SEEN)) {
      s.append("; the previous leader's end was not seen");
    } else {
      s.append("; ").append(ms(end - at.get(Step.LEADER_GONE_SEEN)))
          .append(" ms from the previous leader's lock seen gone");
    }
    return s.toString();
  }

  private long lastStepAt() {
    long end = UNSET;
    for (Step step : Step.values()) {
      if (step != Step.LEADER_GONE_SEEN) {
        end = Math.max(end, at.get(step));
      }
    }
    return end;
  }

  private synchronized double sinceLeadershipMs(Step step) {
    if (isUnset(step) || isUnset(Step.LEADERSHIP_ACQUIRED)) {
      return -1;
    }
    return ms(at.get(step) - at.get(Step.LEADERSHIP_ACQUIRED));
  }

  private synchronized double totalMs() {
    return summarized ? ms(lastStepAt() - at.get(Step.LEADERSHIP_ACQUIRED)) : -1;
  }

  private synchronized double noticeMs() {
    if (isUnset(Step.LEADER_GONE_SEEN) || isUnset(Step.LEADERSHIP_ACQUIRED)) {
      return -1;
    }
    return ms(at.get(Step.LEADERSHIP_ACQUIRED) - at.get(Step.LEADER_GONE_SEEN));
  }

  private boolean isUnset(Step step) {
    return at.get(step) == UNSET;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000L;
  }

  private static String signed(long nanos) {
    long ms = ms(nanos);
    return ms >= 0 ? "+" + ms : Long.toString(ms);
  }
}
