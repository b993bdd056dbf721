package io.aurora.http.vars;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

class VarNamesTest {
  private static Meter.Id id(String name, String... tags) {
    return new Meter.Id(name, Tags.of(tags), null, null, Meter.Type.GAUGE);
  }

  @Test
  void plainName_isKept() {
    assertThat(VarNames.of(id("framework_registered"))).isEqualTo("framework_registered");
  }

  @Test
  void tagValues_areAppendedInKeyOrder_keysDropped() {
    assertThat(VarNames.of(id("task_store", "status", "RUNNING"))).isEqualTo("task_store_RUNNING");
    assertThat(VarNames.of(id("m", "zeta", "Z", "alpha", "A"))).isEqualTo("m_A_Z");
  }

  @Test
  void emptyTagValues_areSkipped() {
    assertThat(VarNames.of(id("m", "k", ""))).isEqualTo("m");
  }

  @Test
  void everythingOutsideWordCharacters_becomesUnderscore() {
    assertThat(VarNames.of(id("jvm.memory.used", "area", "non-heap"))).isEqualTo("jvm_memory_used_non_heap");
  }
}
