package io.aurora.server.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.JobKey;
import io.aurora.gen.Range;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link JobPath} and {@link InstanceSpec}: what the command line accepts and how it converts. */
class ArgumentTypesTest {
  @Test
  void jobPath_parsesFourParts() {
    JobPath job = JobPath.parse("local/www/prod/hello");
    assertThat(job.cluster()).isEqualTo("local");
    assertThat(job.jobKey()).isEqualTo(new JobKey("www", "prod", "hello"));
    assertThat(job.job()).isEqualTo("www/prod/hello");
    assertThat(job).hasToString("local/www/prod/hello");
  }

  @Test
  void jobPath_refusesOtherShapesAndBadIdentifiers() {
    assertThatThrownBy(() -> JobPath.parse("www/prod/hello"))
        .hasMessage("expected CLUSTER/ROLE/ENV/NAME, got 'www/prod/hello'");
    assertThatThrownBy(() -> JobPath.parse("c/www//hello")).hasMessageContaining("expected");
    assertThatThrownBy(() -> JobPath.parse("c/www/prod/hello/x")).hasMessageContaining("expected");
    assertThatThrownBy(() -> JobPath.parse("c/www/pr*d/hello")).hasMessageContaining("'pr*d'");
  }

  @Test
  void instanceSpec_parsesIdsAndClosedRanges() {
    InstanceSpec spec = InstanceSpec.parse("7, 0-3,2");
    assertThat(spec.ids()).containsExactly(0, 1, 2, 3, 7);
    assertThat(spec.ranges()).containsExactly(new Range(0, 3), new Range(7, 7));
    assertThat(spec).hasToString("0-3,7");
    assertThat(InstanceSpec.parse("5").ranges()).containsExactly(new Range(5, 5));
  }

  @Test
  void instanceSpec_refusesWhatIsNotAnIdOrRange() {
    for (String bad : List.of("", "a", "1-", "-1", "3-1", "1-2-3", "0,,1", "1.5")) {
      assertThatThrownBy(() -> InstanceSpec.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0-3,7");
    }
    assertThatThrownBy(() -> InstanceSpec.parse("0-99999999"))
        .hasMessageContaining("more than " + InstanceSpec.MAX_IDS);
  }

  @Test
  void instanceSpec_idsOfRanges_isTheirUnion() {
    assertThat(InstanceSpec.idsOf(Set.of(new Range(0, 2), new Range(2, 4), new Range(9, 9))))
        .containsExactly(0, 1, 2, 3, 4, 9);
    assertThat(InstanceSpec.idsOf(null)).isEmpty();
  }
}
