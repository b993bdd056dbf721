package io.aurora.scheduling.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The crontab syntax Aurora accepts, its canonical form, and fire times. */
class CronScheduleTest {
  private static final ZoneId GMT = ZoneId.of("GMT");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @ParameterizedTest(name = "[{0}] is {1}")
  @CsvSource(delimiter = '|', value = {
      "* * * * *                | * * * * *",
      "*/15 * * * *             | 0,15,30,45 * * * *",
      "*/1 * * * *              | * * * * *",
      "0 9-17 * * MON-FRI       | 0 9-17 * * 1-5",
      "0 9 * * mon,Wed,FRI      | 0 9 * * 1,3,5",
      "30 2 1 JAN,jul *         | 30 2 1 1,7 *",
      "0-10/5 * * * *           | 0,5,10 * * * *",
      "1,2,3,10-12 * * * *      | 1-3,10-12 * * * *",
      "0 0 1-31 * 0             | 0 0 * * 0",
      "0 0 * * SUN-SAT          | 0 0 * * *",
      "0 0 29 2 *               | 0 0 29 2 *",
      "0 */6 * */3 *            | 0 0,6,12,18 * 1,4,7,10 *",
      "59 23 31 12 *            | 59 23 31 12 *",
      "00 07 * * *              | 0 7 * * *",
      "5\t4  * * *              | 5 4 * * *",
  })
  void accepted_inCanonicalForm(String schedule, String canonical) {
    assertThat(CronSchedule.parse(schedule).canonical()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "[{0}]: {1}")
  @CsvSource(delimiter = '|', value = {
      "''                       | the schedule is empty",
      "' * * * * *'             | whitespace before or after",
      "'* * * * * '             | whitespace before or after",
      "* * * *                  | expected 5 fields",
      "0 * * * * *              | day-of-week), got 6",
      "@hourly                  | nicknames",
      "60 * * * *               | minute '60'",
      "* 24 * * *               | hour '24'",
      "* * 0 * *                | day of month '0'",
      "* * * 13 *               | month '13'",
      "* * * * 7                | day of week '7'",
      "0 0 ? * *                | day of month '?'",
      "0 0 L * *                | day of month 'L'",
      "0 0 15W * *              | day of month '15W'",
      "0 0 * * 1#2              | day of week '1#2'",
      "a * * * *                | minute 'a'",
      "10-5 * * * *             | minute '10-5'",
      "*/0 * * * *              | minute '*/0'",
      "5/10 * * * *             | minute '5/10': a step (/n) must follow * or a range",
      "1-5/10 * * * *           | the step 10 must be smaller than the range's end 5",
      "0 0 1 * 1                | a day of month and a day of week may not both be given",
      "0 0 1-15 * MON-FRI       | a day of month and a day of week may not both be given",
      "0 0 30 2 *               | it never fires",
      "0 0 31 4,6,9,11 *        | it never fires",
  })
  void refused_sayingWhatIsWrong(String schedule, String reason) {
    assertThatThrownBy(() -> CronSchedule.parse(schedule))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void null_isRefused() {
    assertThatThrownBy(() -> CronSchedule.parse(null)).hasMessageContaining("empty");
  }

  @Test
  void schedules_areEqualByWhatTheySelect() {
    assertThat(CronSchedule.parse("*/30 * * * *")).isEqualTo(CronSchedule.parse("0,30 * * * *"))
        .hasSameHashCodeAs(CronSchedule.parse("0,30 * * * *"));
    assertThat(CronSchedule.parse("0 0 * * *")).isNotEqualTo(CronSchedule.parse("0 1 * * *"));
  }

  @ParameterizedTest(name = "[{0}] after {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      // Every minute, from inside one and from its start (strictly after).
      "* * * * *       | 2026-01-01T00:00:30Z | 2026-01-01T00:01:00Z, 2026-01-01T00:02:00Z",
      "* * * * *       | 2026-01-01T00:01:00Z | 2026-01-01T00:02:00Z",
      // Month ends: the 1st after the 31st; the 31st only in months that have one.
      "0 0 1 * *       | 2026-01-31T12:00:00Z | 2026-02-01T00:00:00Z, 2026-03-01T00:00:00Z",
      "0 0 31 * *      | 2026-01-31T00:00:00Z | 2026-03-31T00:00:00Z, 2026-05-31T00:00:00Z",
      "0 12 30 * *     | 2026-01-30T12:00:00Z | 2026-03-30T12:00:00Z",
      // Leap years: February 29th comes every four years (2028, 2032).
      "0 0 29 2 *      | 2026-03-01T00:00:00Z | 2028-02-29T00:00:00Z, 2032-02-29T00:00:00Z",
      "0 0 * 2 *       | 2028-02-28T00:00:00Z | 2028-02-29T00:00:00Z, 2029-02-01T00:00:00Z",
      // Year end.
      "59 23 31 12 *   | 2026-12-31T23:59:00Z | 2027-12-31T23:59:00Z",
      "0 0 1 1 *       | 2026-12-31T23:59:59Z | 2027-01-01T00:00:00Z",
      // Days of the week: 2026-01-02 is a Friday, 2026-01-04 a Sunday (0).
      "0 9 * * MON-FRI | 2026-01-02T09:00:00Z | 2026-01-05T09:00:00Z, 2026-01-06T09:00:00Z",
      "0 0 * * 0       | 2026-01-01T00:00:00Z | 2026-01-04T00:00:00Z, 2026-01-11T00:00:00Z",
      "*/20 8-9 * * *  | 2026-01-01T09:40:00Z | 2026-01-02T08:00:00Z, 2026-01-02T08:20:00Z",
  })
  void nextAfter_inGmt(String schedule, String after, String expected) {
    assertThat(fires(schedule, after, GMT, expected.split(",").length))
        .containsExactly(instants(expected));
  }

  // In New York, 2026-03-08 02:00 EST becomes 03:00 EDT (02:xx does not exist), and 2026-11-01
  // 02:00 EDT becomes 01:00 EST (01:xx happens twice).
  @ParameterizedTest(name = "[{0}] after {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      // A time that does not exist that day does not fire that day.
      "30 2 * * *      | 2026-03-07T12:00:00Z | 2026-03-09T06:30:00Z, 2026-03-10T06:30:00Z",
      // Times after the gap move with the clocks: 03:00 EDT is 07:00Z.
      "0 3 * * *       | 2026-03-08T06:00:00Z | 2026-03-08T07:00:00Z, 2026-03-09T07:00:00Z",
      // A time that happens twice fires once, at its first occurrence (05:30Z, EDT).
      "30 1 * * *      | 2026-10-31T12:00:00Z | 2026-11-01T05:30:00Z, 2026-11-02T06:30:00Z",
      // ...also when asked from between the two occurrences.
      "0 1 * * *       | 2026-11-01T05:45:00Z | 2026-11-02T06:00:00Z",
      // With the hour *, real time goes on: 01:00 and 01:30 fire in both hours.
      "*/30 * * * *    | 2026-11-01T04:45:00Z | 2026-11-01T05:00:00Z, 2026-11-01T05:30:00Z, 2026-11-01T06:00:00Z, 2026-11-01T06:30:00Z, 2026-11-01T07:00:00Z",
      // Nine in the morning stays nine in the morning across the change.
      "0 9 * * *       | 2026-03-07T15:00:00Z | 2026-03-08T13:00:00Z, 2026-03-09T13:00:00Z",
  })
  void nextAfter_acrossDaylightSavingChanges(String schedule, String after, String expected) {
    assertThat(fires(schedule, after, NEW_YORK, expected.split(",").length))
        .containsExactly(instants(expected));
  }

  @Test
  void nextAfter_readsWallClockTimeInTheGivenZone() {
    CronSchedule nineAm = CronSchedule.parse("0 9 * * *");
    Instant midnight = Instant.parse("2026-06-01T00:00:00Z");
    assertThat(nineAm.nextAfter(midnight, GMT)).contains(Instant.parse("2026-06-01T09:00:00Z"));
    assertThat(nineAm.nextAfter(midnight, NEW_YORK))
        .contains(Instant.parse("2026-06-01T13:00:00Z"));
    assertThat(nineAm.nextAfter(midnight, ZoneId.of("Asia/Tokyo")))
        .contains(Instant.parse("2026-06-02T00:00:00Z"));
  }

  @Test
  void nextAfter_answersTheSameQuestionTheSame_andOthersAfresh() {
    CronSchedule s = CronSchedule.parse("*/10 * * * *");
    Instant t = Instant.parse("2026-01-01T00:05:00Z");
    assertThat(s.nextAfter(t, GMT)).contains(Instant.parse("2026-01-01T00:10:00Z"));
    assertThat(s.nextAfter(t, GMT)).contains(Instant.parse("2026-01-01T00:10:00Z"));
    // 05:50 in Kathmandu (UTC+05:45): next 06:00 there.
    assertThat(s.nextAfter(t, ZoneId.of("Asia/Kathmandu")))
        .contains(Instant.parse("2026-01-01T00:15:00Z"));
    assertThat(s.nextAfter(t.plusSeconds(600), GMT))
        .contains(Instant.parse("2026-01-01T00:20:00Z"));
  }

  /** The next {@code count} fire times after {@code after}, each asked from the one before. */
  private static List<Instant> fires(String schedule, String after, ZoneId zone, int count) {
    CronSchedule s = CronSchedule.parse(schedule);
    List<Instant> out = new ArrayList<>();
    Instant cursor = Instant.parse(after);
    for (int i = 0; i < count; i++) {
      Instant next = s.nextAfter(cursor, zone).orElseThrow();
      out.add(next);
      cursor = next;
    }
    return out;
  }

  private static Instant[] instants(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).map(Instant::parse)
        .toArray(Instant[]::new);
  }

  @Test
  void zonedTimes_ofTheTable_areWhatTheCommentsSay() {
    // Guards the table above against a wrong conversion by hand.
    assertThat(ZonedDateTime.parse("2026-11-01T01:30-04:00[America/New_York]").toInstant())
        .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    assertThat(ZonedDateTime.parse("2026-03-09T02:30-04:00[America/New_York]").toInstant())
        .isEqualTo(Instant.parse("2026-03-09T06:30:00Z"));
  }
}
