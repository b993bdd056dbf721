package io.aurora.scheduling.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortRangeTest {
  private final List<PortRange> ranges = List.of(new PortRange(10, 12), new PortRange(20, 21));

  @Test
  void take_skipsUsedPortsAcrossRanges() {
    assertThat(PortRange.count(ranges)).isEqualTo(5);
    assertThat(PortRange.take(ranges, 0, 2)).containsExactly(10, 11);
    assertThat(PortRange.take(ranges, 2, 2)).containsExactly(12, 20);
    assertThat(PortRange.take(ranges, 4, 1)).containsExactly(21);
    assertThatThrownBy(() -> PortRange.take(ranges, 4, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bag_fitsWithFloatingPointSums() {
    ResourceBag free = new ResourceBag(0.3, 100, 100, 0, 0);
    ResourceBag tenth = new ResourceBag(0.1, 1, 1, 0, 0);
    assertThat(free.minus(tenth).minus(tenth).fits(tenth)).isTrue();
    assertThat(free.firstShortage(new ResourceBag(0, 0, 0, 1, 0))).isEqualTo("gpus");
  }
}
