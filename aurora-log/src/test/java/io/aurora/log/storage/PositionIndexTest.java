package io.aurora.log.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PositionIndexTest {
  private final Map<Integer, Integer> released = new HashMap<>();
  private final PositionIndex index = new PositionIndex(id -> released.merge(id, 1, Integer::sum));

  @Test
  void empty() {
    assertThat(index.first()).isEmpty();
    assertThat(index.last()).isEmpty();
    assertThat(index.get(0)).isNull();
    assertThat(index.get(-1)).isNull();
  }

  @Test
  void put_replace_reportsTheOldSegment() {
    index.put(5, 1, 100, 20);
    index.put(5, 2, 200, 30);
    assertThat(index.get(5)).isEqualTo(new PositionIndex.Location(2, 200, 30));
    assertThat(released).containsExactly(Map.entry(1, 1));
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void removeBelow_acrossChunks_reportsEveryRemovedEntry() {
    for (long p = 0; p < 3 * PositionIndex.CHUNK; p++) {
      index.put(p, 7, p * 10, 17);
    }
    long cut = PositionIndex.CHUNK + 5;
    index.removeBelow(cut);
    assertThat(index.first()).hasValue(cut);
    assertThat(index.last()).hasValue(3 * PositionIndex.CHUNK - 1);
    assertThat(released).containsExactly(Map.entry(7, (int) cut));
    assertThat(index.get(cut - 1)).isNull();
    assertThat(index.get(cut)).isEqualTo(new PositionIndex.Location(7, cut * 10, 17));
  }

  @Test
  void randomOperations_matchATreeMap() {
    Random random = new Random(3);
    TreeMap<Long, PositionIndex.Location> model = new TreeMap<>();
    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(100);
      if (op < 80) {
        // Mostly dense, sometimes far away, as catch-up after a gap can be.
        long p = random.nextInt(10) == 0 ? random.nextInt(1_000_000) : random.nextInt(5000);
        PositionIndex.Location loc =
            new PositionIndex.Location(random.nextInt(50), random.nextInt(1 << 20), 17 + random.nextInt(100));
        index.put(p, loc.segment(), loc.offset(), loc.frameBytes());
        model.put(p, loc);
      } else if (op < 83) {
        long cut = random.nextInt(6000);
        index.removeBelow(cut);
        model.headMap(cut).clear();
      } else {
        long p = random.nextInt(6000);
        assertThat(index.get(p)).isEqualTo(model.get(p));
      }
      assertThat(index.size()).isEqualTo(model.size());
      assertThat(index.first()).isEqualTo(
          model.isEmpty() ? OptionalLong.empty() : OptionalLong.of(model.firstKey()));
      assertThat(index.last()).isEqualTo(
          model.isEmpty() ? OptionalLong.empty() : OptionalLong.of(model.lastKey()));
    }
  }
}
