package io.aurora.http.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as people read them: "3 minutes ago", "in 2 hours", "1h 5m", and UTC timestamps. */
final class RelativeTime {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private RelativeTime() {}

  /** "5 minutes ago" or "in 5 minutes", against {@code now}. */
  static String from(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    boolean past = !d.isNegative();
    String span = words(d.abs());
    return past ? span + " ago" : "in " + span;
  }

  /** A short length of time: "45s", "3m 20s", "2h 5m", "3d 4h". */
  static String span(Duration d) {
    long s = d.abs().getSeconds();
    if (s < 60) {
      return s + "s";
    } else if (s < 3600) {
      return (s / 60) + "m " + (s % 60) + "s";
    } else if (s < 86400) {
      return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
    return (s / 86400) + "d " + (s % 86400 / 3600) + "h";
  }

  static String utc(Instant t) {
    return UTC.format(t);
  }

  private static String words(Duration d) {
    long s = d.getSeconds();
    if (s < 45) {
      return "a few seconds";
    } else if (s < 90) {
      return "a minute";
    } else if (s < 45 * 60) {
      return Math.round(s / 60.0) + " minutes";
    } else if (s < 90 * 60) {
      return "an hour";
    } else if (s < 22 * 3600) {
      return Math.round(s / 3600.0) + " hours";
    } else if (s < 36 * 3600) {
      return "a day";
    }
    return Math.round(s / 86400.0) + " days";
  }
}
