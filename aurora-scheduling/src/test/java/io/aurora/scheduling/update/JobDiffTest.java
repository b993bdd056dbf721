package io.aurora.scheduling.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ConfigGroup;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.Range;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.Fixtures;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobDiffTest {
  static final TaskConfig V1 = version("v1");
  static final TaskConfig V2 = version("v2");

  static TaskConfig version(String v) {
    return Fixtures.config("www", "web", 0.5, 128, 10)
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor", v));
  }

  @Test
  void sortsInstancesIntoAddUpdateRemoveAndUnchanged() {
    // 0 and 1 run v1, 2 runs v2, 4 runs v1 (3 is gone); v2 over 4 instances.
    JobDiff diff = JobDiff.compute(Map.of(0, V1, 1, V1, 2, V2, 4, V1), V2, 4, Set.of());
    assertThat(diff.add()).containsExactly(3);
    assertThat(diff.update()).containsExactly(0, 1);
    assertThat(diff.remove()).containsExactly(4);
    assertThat(diff.unchanged()).containsExactly(2);
    assertThat(diff.isNoop()).isFalse();
    assertThat(diff.replaced()).containsExactly(0, 1, 4);
    assertThat(diff.replacements()).containsExactly(0, 1, 3);
    assertThat(diff.initialState()).containsExactly(
        new InstanceTaskConfig(V1, Set.of(new Range(0, 1), new Range(4, 4))));
    assertThat(diff.desiredState()).contains(
        new InstanceTaskConfig(V2, Set.of(new Range(0, 1), new Range(3, 3))));
    assertThat(diff.addGroups()).containsExactly(new ConfigGroup(V2, Set.of(new Range(3, 3))));
    // Updated and removed instances are shown with the config they run now.
    assertThat(diff.updateGroups()).containsExactly(new ConfigGroup(V1, Set.of(new Range(0, 1))));
    assertThat(diff.removeGroups()).containsExactly(new ConfigGroup(V1, Set.of(new Range(4, 4))));
    assertThat(diff.unchangedGroups()).containsExactly(new ConfigGroup(V2, Set.of(new Range(2, 2))));
  }

  @Test
  void aScope_limitsTheChanges_andNamesInstancesOutsideJobAndRequest() {
    JobDiff diff = JobDiff.compute(Map.of(0, V1, 1, V1, 2, V1), V2, 2, Set.of(1, 2, 3, 7));
    assertThat(diff.update()).containsExactly(1);
    assertThat(diff.remove()).containsExactly(2);
    assertThat(diff.add()).isEmpty();
    assertThat(diff.unchanged()).containsExactly(0);
    assertThat(diff.outOfScope()).containsExactly(3, 7);
  }

  @Test
  void theSameConfigOverTheSameInstances_isANoop_withoutDesiredState() {
    JobDiff same = JobDiff.compute(Map.of(0, V1, 1, V1), V1, 2, Set.of());
    assertThat(same.isNoop()).isTrue();
    assertThat(same.desiredState()).isEmpty();
    assertThat(same.initialState()).isEmpty();
    JobDiff shrinkOnly = JobDiff.compute(Map.of(0, V1, 1, V1), V1, 1, Set.of());
    assertThat(shrinkOnly.isNoop()).isFalse();
    assertThat(shrinkOnly.desiredState()).isEmpty();
    JobDiff outOfScope = JobDiff.compute(Map.of(0, V1, 1, V1), V2, 2, Set.of(1));
    assertThat(JobDiff.compute(Map.of(0, V1, 1, V2), V2, 2, Set.of(1)).isNoop()).isTrue();
    assertThat(outOfScope.update()).containsExactly(1);
  }
}
