package io.aurora.server.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationFormatTest {
  @Test
  void parse_acceptsAuroraUnits() {
    assertThat(DurationFormat.parse("1ms")).isEqualTo(Duration.ofMillis(1));
    assertThat(DurationFormat.parse("30secs")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationFormat.parse("5mins")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationFormat.parse("1hrs")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationFormat.parse("21days")).isEqualTo(Duration.ofDays(21));
  }

  @Test
  void parse_acceptsSingularFormsSpacesAndSign() {
    assertThat(DurationFormat.parse("1sec")).isEqualTo(Duration.ofSeconds(1));
    assertThat(DurationFormat.parse("1min")).isEqualTo(Duration.ofMinutes(1));
    assertThat(DurationFormat.parse("1hr")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationFormat.parse("1day")).isEqualTo(Duration.ofDays(1));
    assertThat(DurationFormat.parse("1 mins")).isEqualTo(Duration.ofMinutes(1));
    assertThat(DurationFormat.parse("-5mins")).isEqualTo(Duration.ofMinutes(-5));
  }

  @Test
  void parse_rejectsUnknownUnitsAndMissingNumbers() {
    for (String bad : new String[] {"5parsecs", "5", "mins", "", "1.5secs", "5 m", "99999999999999999999days"}) {
      assertThatThrownBy(() -> DurationFormat.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> DurationFormat.parse("5parsecs")).hasMessageContaining("30secs");
  }

  @Test
  void format_usesLargestExactUnit() {
    assertThat(DurationFormat.format(Duration.ofMinutes(60))).isEqualTo("1hrs");
    assertThat(DurationFormat.format(Duration.ofSeconds(90))).isEqualTo("90secs");
    assertThat(DurationFormat.format(Duration.ofDays(21))).isEqualTo("21days");
    assertThat(DurationFormat.format(Duration.ofMillis(1))).isEqualTo("1ms");
    assertThat(DurationFormat.format(Duration.ZERO)).isEqualTo("0secs");
    assertThat(DurationFormat.format(Duration.ofMinutes(-5))).isEqualTo("-5mins");
    assertThat(DurationFormat.format(Duration.ofNanos(1500))).isEqualTo("1500ns");
  }

  @Test
  void format_thenParse_roundTrips() {
    for (String text : new String[] {"1ms", "30secs", "5mins", "1hrs", "21days", "1001ms"}) {
      assertThat(DurationFormat.format(DurationFormat.parse(text))).isEqualTo(text);
    }
  }
}
