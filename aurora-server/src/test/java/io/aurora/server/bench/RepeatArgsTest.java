package io.aurora.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatArgsTest {
  @TempDir Path tmp;

  @Test
  void noRepeatFlags_runOnceInThisJvm_withEveryArgument() {
    RepeatArgs args = RepeatArgs.parse(List.of("-tasks=10", "-dir", "/x"));

    assertThat(args.runs()).isEqualTo(1);
    assertThat(args.evidenceDir()).isEmpty();
    assertThat(args.inChildren()).isFalse();
    assertThat(args.benchArgs()).containsExactly("-tasks=10", "-dir", "/x");
  }

  @Test
  void runsAndEvidenceDir_areTakenOut_wherever_theyStand() {
    RepeatArgs args = RepeatArgs.parse(List.of(
        "-runs=3", "-tasks=10", "-evidence_dir=" + tmp.resolve("ev"), "-jobs=2"));

    assertThat(args.runs()).isEqualTo(3);
    assertThat(args.evidenceDir()).contains(tmp.resolve("ev"));
    assertThat(args.inChildren()).isTrue();
    assertThat(args.benchArgs()).containsExactly("-tasks=10", "-jobs=2");
  }

  @Test
  void evidenceDir_alone_alsoRunsInAChild() {
    assertThat(RepeatArgs.parse(List.of("-evidence_dir=" + tmp)).inChildren()).isTrue();
  }

  @Test
  void evidenceDir_isMadeAbsolute() {
    assertThat(RepeatArgs.parse(List.of("-evidence_dir=ev")).evidenceDir())
        .contains(Path.of("ev").toAbsolutePath());
  }

  @Test
  void badRuns_areRejectedNamingTheFlag() {
    assertThatThrownBy(() -> RepeatArgs.parse(List.of("-runs=0")))
        .hasMessage("-runs must be at least 1, not 0");
    assertThatThrownBy(() -> RepeatArgs.parse(List.of("-runs=abc")))
        .hasMessage("-runs must be a whole number, not 'abc'");
    assertThatThrownBy(() -> RepeatArgs.parse(List.of("-runs")))
        .hasMessage("-runs needs a value, written -runs=<value>");
  }

  @Test
  void evidenceDir_thatIsAFile_isRejected() throws Exception {
    Path file = Files.createFile(tmp.resolve("f"));

    assertThatThrownBy(() -> RepeatArgs.parse(List.of("-evidence_dir=" + file)))
        .hasMessage("-evidence_dir is not a directory: " + file);
  }

  @Test
  void evidenceDir_withACommaOrColon_isRejected() {
    assertThatThrownBy(() -> RepeatArgs.parse(List.of("-evidence_dir=/a,b")))
        .hasMessageStartingWith("-evidence_dir cannot contain ',' or ':'");
    assertThatThrownBy(() -> RepeatArgs.parse(List.of("-evidence_dir=/a:b")))
        .hasMessageStartingWith("-evidence_dir cannot contain ',' or ':'");
  }

  @Test
  void record_rejectsZeroRuns() {
    assertThatThrownBy(() -> new RepeatArgs(0, Optional.empty(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
