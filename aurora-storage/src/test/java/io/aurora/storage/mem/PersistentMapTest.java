package io.aurora.storage.mem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PersistentMapTest {

  /** A key whose hash has few distinct values, to force collision nodes and deep tries. */
  private record Key(int id) {
    @Override
    public int hashCode() {
      return id % 97 == 0 ? 42 : id * 0x9E3779B9;
    }
  }

  @Test
  public void randomOps_matchAHashMap_andOldVersionsStayIntact() {
    long seed = 20261125L;
    Random random = new Random(seed);
    PersistentMap<Key, Integer> map = PersistentMap.empty();
    Map<Key, Integer> oracle = new HashMap<>();
    PersistentMap<Key, Integer> frozen = null;
    Map<Key, Integer> frozenOracle = null;
    for (int step = 0; step < 20_000; step++) {
      Key key = new Key(random.nextInt(3000));
      if (random.nextInt(3) == 0) {
        map = map.minus(key);
        oracle.remove(key);
      } else {
        int value = random.nextInt(10);
        map = map.plus(key, value);
        oracle.put(key, value);
      }
      if (step == 10_000) {
        frozen = map;
        frozenOracle = new HashMap<>(oracle);
      }
    }
    assertThat(map.size()).as("seed %s", seed).isEqualTo(oracle.size());
    Map<Key, Integer> contents = new HashMap<>();
    map.forEach(contents::put);
    assertThat(contents).isEqualTo(oracle);
    for (int id = 0; id < 3000; id++) {
      assertThat(map.get(new Key(id))).isEqualTo(oracle.get(new Key(id)));
    }
    Map<Key, Integer> frozenContents = new HashMap<>();
    frozen.forEach(frozenContents::put);
    assertThat(frozenContents).isEqualTo(frozenOracle);
    assertThat(frozen.size()).isEqualTo(frozenOracle.size());
  }

  @Test
  public void unchangedUpdates_returnTheSameMap() {
    PersistentMap<String, Integer> map = PersistentMap.<String, Integer>empty().plus("a", 1);
    Integer one = map.get("a");
    assertThat(map.plus("a", one)).isSameAs(map);
    assertThat(map.minus("b")).isSameAs(map);
    assertThat(map.minus("a").isEmpty()).isTrue();
  }
}
