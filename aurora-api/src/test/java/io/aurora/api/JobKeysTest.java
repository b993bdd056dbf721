package io.aurora.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.JobKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobKeysTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "www-data", "hello_world", "v1.2", "A-Z_0.9", "..", "-"})
  void goodIdentifiers_areAccepted(String value) {
    assertThat(JobKeys.isGoodIdentifier(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a b", "a/b", "caf\u00e9", "x:y", "new\nline", "a$"})
  void badIdentifiers_areRejected(String value) {
    assertThat(JobKeys.isGoodIdentifier(value)).isFalse();
  }

  @Test
  void null_isNotAGoodIdentifier() {
    assertThat(JobKeys.isGoodIdentifier(null)).isFalse();
  }

  @Test
  void from_buildsAValidKey() {
    JobKey key = JobKeys.from("www-data", "prod", "hello");

    assertThat(key).isEqualTo(new JobKey("www-data", "prod", "hello"));
    assertThat(JobKeys.isValid(key)).isTrue();
  }

  @Test
  void validate_namesTheBadField() {
    assertThatThrownBy(() -> JobKeys.from("www-data", "pr od", "hello"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment")
        .hasMessageContaining("'pr od'");
    assertThatThrownBy(() -> JobKeys.from("a/b", "prod", "hello"))
        .hasMessageContaining("role");
    assertThatThrownBy(() -> JobKeys.validate(new JobKey().setRole("r").setEnvironment("e")))
        .hasMessage("job key name is missing");
    assertThatThrownBy(() -> JobKeys.validate(null)).hasMessage("job key is missing");
  }

  @Test
  void canonicalString_isRoleEnvironmentName() {
    assertThat(JobKeys.canonicalString(new JobKey("www-data", "prod", "hello")))
        .isEqualTo("www-data/prod/hello");
  }

  @Test
  void parse_invertsCanonicalString() {
    JobKey key = new JobKey("role.x", "staging2", "job_1");

    assertThat(JobKeys.parse(JobKeys.canonicalString(key))).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a/b/c/d", "a//c", "/b/c", "a/b/", ""})
  void parse_rejectsMalformedText(String text) {
    assertThatThrownBy(() -> JobKeys.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_withWrongShape_saysWhatIsExpected() {
    assertThatThrownBy(() -> JobKeys.parse("a/b"))
        .hasMessage("job key 'a/b' must have the form role/environment/name");
  }
}
