package io.aurora.scheduling.cron;

import static com.google.common.base.Preconditions.checkArgument;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.field.expression.And;
import com.cronutils.model.field.expression.Between;
import com.cronutils.model.field.expression.Every;
import com.cronutils.model.field.expression.FieldExpression;
import com.cronutils.model.field.expression.On;
import com.cronutils.model.field.value.FieldValue;
import com.cronutils.model.field.value.SpecialChar;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cron schedule in the crontab syntax Aurora accepts, and the times it fires. Pure: times come
 * in as arguments.
 *
 * <p>Syntax: five fields separated by whitespace, minute (0-59), hour (0-23), day of month
 * (1-31), month (1-12 or JAN-DEC) and day of week (0-6 or SUN-SAT, 0 is Sunday; 7 is not
 * accepted). Each field is {@code *}, a number, a range {@code a-b}, a step {@code *}{@code /n} or
 * {@code a-b/n} (Aurora's rule: {@code n} smaller than {@code b}), or a comma list of these.
 * Names are case-insensitive. Refused, as Aurora refuses them: a restricted day of month together
 * with a restricted day of week, {@code ?}, {@code L}, {@code W}, {@code #}, {@code a/n},
 * nicknames such as {@code @hourly}, a sixth field, and whitespace around the schedule. A
 * schedule that can never fire (February 30th) is refused too, as Aurora's Quartz trigger
 * refused it.
 *
 * <p>cron-utils parses the fields and computes the fire times. Parsing here adds Aurora's
 * restrictions and brings the schedule to Aurora's canonical form (each field {@code *} or a list
 * of numbers and ranges: {@code *}{@code /15 9-17 * * MON-FRI} becomes
 * {@code 0,15,30,45 9-17 * * 1-5}); fire times are computed from that form, where at least one of
 * the day fields is {@code *}, so the two day fields never combine with cron's "either" rule.
 *
 * <p>Daylight saving time, in the zone the caller passes: a wall-clock time that does not exist
 * (the hour skipped in spring) does not fire that day; a wall-clock time that happens twice (the
 * hour repeated in autumn) fires once, at its first occurrence, unless the hour field is
 * {@code *}, in which case the schedule follows real time (every 30 minutes stays every 30
 * minutes).
 */
public final class CronSchedule {
  /** Aurora's crontab, in cron-utils' terms: no seconds, no years, no special characters. */
  private static final CronDefinition AURORA_CRONTAB = CronDefinitionBuilder.defineCron()
      .withMinutes().withValidRange(0, 59).withStrictRange().and()
      .withHours().withValidRange(0, 23).withStrictRange().and()
      .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
      .withMonth().withValidRange(1, 12).withStrictRange().and()
      .withDayOfWeek().withValidRange(0, 6).withMondayDoWValue(1).withStrictRange().and()
      .instance();
  /** Immutable once built, so shared. */
  private static final CronParser PARSER = new CronParser(AURORA_CRONTAB);
  /** Skipped repeats of a wall-clock time per call, at most: a minute-by-minute hour is 60. */
  private static final int MAX_SKIPPED_REPEATS = 1_000;

  /** The five fields, in order. */
  private enum Field {
    MINUTE("minute", CronFieldName.MINUTE, 0, 59),
    HOUR("hour", CronFieldName.HOUR, 0, 23),
    DAY_OF_MONTH("day of month", CronFieldName.DAY_OF_MONTH, 1, 31),
    MONTH("month", CronFieldName.MONTH, 1, 12),
    DAY_OF_WEEK("day of week", CronFieldName.DAY_OF_WEEK, 0, 6);

    final String label;
    final CronFieldName name;
    final int min;
    final int max;

    Field(String label, CronFieldName name, int min, int max) {
      this.label = label;
      this.name = name;
      this.min = min;
      this.max = max;
    }
  }

  /** The last answer of {@link #nextAfter}, for the many templates that share a schedule. */
  private record Answer(Instant after, ZoneId zone, Optional<Instant> next) {}

  private final String canonical;
  private final ExecutionTime executionTime;
  private final boolean everyHour;
  /**
   * Templates due together usually share their schedule (and so, through the parse cache of the
   * trigger loop, this object), and ask the same question when they fire: the answer is kept.
   * The next fire time of a given instant never changes, so a stale read only costs a recompute.
   */
  private volatile Answer last;

  private CronSchedule(String canonical, ExecutionTime executionTime, boolean everyHour) {
    this.canonical = canonical;
    this.executionTime = executionTime;
    this.everyHour = everyHour;
  }

  /**
   * Parses a schedule.
   *
   * @throws IllegalArgumentException whose message says what is wrong (the field, the value)
   */
  public static CronSchedule parse(String schedule) {
    checkArgument(schedule != null && !schedule.isBlank(), "the schedule is empty");
    checkArgument(schedule.equals(schedule.strip()),
        "the schedule has whitespace before or after it");
    checkArgument(!schedule.startsWith("@"), "nicknames such as @hourly are not supported");
    String[] texts = schedule.split("\\s+");
    checkArgument(texts.length == Field.values().length,
        "expected 5 fields (minute hour day-of-month month day-of-week), got %s", texts.length);
    Cron cron = parseOrExplain(schedule, texts);
    Field[] fields = Field.values();
    BitSet[] values = new BitSet[fields.length];
    for (Field f : fields) {
      values[f.ordinal()] = values(cron.retrieve(f.name).getExpression(), f, texts[f.ordinal()]);
    }
    boolean anyDayOfMonth = isEvery(values[Field.DAY_OF_MONTH.ordinal()], Field.DAY_OF_MONTH);
    boolean anyDayOfWeek = isEvery(values[Field.DAY_OF_WEEK.ordinal()], Field.DAY_OF_WEEK);
    checkArgument(anyDayOfMonth || anyDayOfWeek,
        "a day of month and a day of week may not both be given (one of them must be *)");
    if (anyDayOfWeek) {
      checkFires(values[Field.MONTH.ordinal()], values[Field.DAY_OF_MONTH.ordinal()]);
    }
    List<String> parts = new ArrayList<>();
    for (Field f : fields) {
      parts.add(canonical(values[f.ordinal()], f));
    }
    String canonical = String.join(" ", parts);
    return new CronSchedule(canonical, ExecutionTime.forCron(PARSER.parse(canonical)),
        isEvery(values[Field.HOUR.ordinal()], Field.HOUR));
  }

  /** Aurora's canonical form of this schedule, e.g. {@code 0,30 9-17 * * 1-5}. */
  public String canonical() {
    return canonical;
  }

  /**
   * The first time this schedule fires strictly after {@code after}, with wall-clock times read
   * in {@code zone} (see the class comment for daylight saving time), or empty if none is found
   * (a schedule that parsed always fires again; empty only guards against the library).
   */
  public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(zone, "zone");
    Answer known = last;
    if (known != null && known.after().equals(after) && known.zone().equals(zone)) {
      return known.next();
    }
    Optional<Instant> next = compute(after, zone);
    last = new Answer(after, zone, next);
    return next;
  }

  private Optional<Instant> compute(Instant after, ZoneId zone) {
    ZonedDateTime from = after.atZone(zone);
    LocalDateTime wallClock = from.toLocalDateTime();
    ZonedDateTime cursor = from;
    for (int i = 0; i < MAX_SKIPPED_REPEATS; i++) {
      Optional<ZonedDateTime> next = executionTime.nextExecution(cursor);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      ZonedDateTime candidate = next.get();
      // After the clocks go back, cron-utils offers the repeated wall-clock times again.
      if (everyHour || candidate.toLocalDateTime().isAfter(wallClock)) {
        return Optional.of(candidate.toInstant());
      }
      cursor = candidate;
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronSchedule other && other.canonical.equals(canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return canonical;
  }

  /** cron-utils' parse; when it fails, the fields are tried one by one to name the bad one. */
  private static Cron parseOrExplain(String schedule, String[] texts) {
    try {
      return PARSER.parse(schedule);
    } catch (IllegalArgumentException whole) {
      for (Field f : Field.values()) {
        String[] alone = {"*", "*", "*", "*", "*"};
        alone[f.ordinal()] = texts[f.ordinal()];
        try {
          PARSER.parse(String.join(" ", alone));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              f.label + " '" + texts[f.ordinal()] + "': " + reason(e), e);
        }
      }
      throw new IllegalArgumentException(reason(whole), whole);
    }
  }

  private static String reason(IllegalArgumentException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replace("Failed to parse cron expression. ", "");
  }

  /** The values a field's expression selects. */
  private static BitSet values(FieldExpression e, Field f, String text) {
    if (e instanceof Always) {
      return range(f.min, f.max, 1);
    }
    if (e instanceof On on) {
      checkArgument(on.getSpecialChar() == null
              || on.getSpecialChar().getValue() == SpecialChar.NONE,
          "%s '%s': special characters are not supported", f.label, text);
      return range(on.getTime().getValue(), on.getTime().getValue(), 1);
    }
    if (e instanceof Between between) {
      return range(number(between.getFrom(), f, text), number(between.getTo(), f, text), 1);
    }
    if (e instanceof Every every) {
      int step = every.getPeriod().getValue();
      FieldExpression base = every.getExpression();
      if (base instanceof Always) {
        return range(f.min, f.max, step);
      }
      checkArgument(base instanceof Between, "%s '%s': a step (/n) must follow * or a range a-b",
          f.label, text);
      Between between = (Between) base;
      int to = number(between.getTo(), f, text);
      checkArgument(step < to, "%s '%s': the step %s must be smaller than the range's end %s",
          f.label, text, step, to);
      return range(number(between.getFrom(), f, text), to, step);
    }
    if (e instanceof And and) {
      BitSet out = new BitSet();
      for (FieldExpression part : and.getExpressions()) {
        out.or(values(part, f, text));
      }
      return out;
    }
    throw new IllegalArgumentException(f.label + " '" + text + "' is not supported");
  }

  private static int number(FieldValue<?> value, Field f, String text) {
    Object v = value.getValue();
    checkArgument(v instanceof Integer, "%s '%s': %s is not a number", f.label, text, v);
    return (Integer) v;
  }

  private static BitSet range(int from, int to, int step) {
    BitSet out = new BitSet();
    for (int i = from; i <= to; i += step) {
      out.set(i);
    }
    return out;
  }

  private static boolean isEvery(BitSet values, Field f) {
    return values.equals(range(f.min, f.max, 1));
  }

  /** Refuses day-of-month and month combinations that never happen (February 30th). */
  private static void checkFires(BitSet months, BitSet days) {
    for (int m = months.nextSetBit(1); m >= 0; m = months.nextSetBit(m + 1)) {
      int firstDay = days.nextSetBit(1);
      if (firstDay >= 0 && firstDay <= Month.of(m).maxLength()) {
        return;
      }
    }
    throw new IllegalArgumentException("it never fires: none of the months "
        + canonical(months, Field.MONTH) + " has day " + canonical(days, Field.DAY_OF_MONTH));
  }

  /** {@code *} for every value, else comma-separated numbers and ranges, as Aurora prints them. */
  private static String canonical(BitSet values, Field f) {
    if (isEvery(values, f)) {
      return "*";
    }
    List<String> parts = new ArrayList<>();
    int start = values.nextSetBit(0);
    while (start >= 0) {
      int end = values.nextClearBit(start) - 1;
      parts.add(start == end ? Integer.toString(start) : start + "-" + end);
      start = values.nextSetBit(end + 1);
    }
    return String.join(",", parts);
  }
}
