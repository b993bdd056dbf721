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

  @Test
  public void builder_makesTheMapOfItsEntries_whichThenUpdatesLikeAnyOther() {
    Random random = new Random(20261208L);
    for (int round = 0; round < 20; round++) {
      int n = round == 0 ? 0 : random.nextInt(round < 10 ? 40 : 5000);
      PersistentMap.Builder<Key, Integer> builder = new PersistentMap.Builder<>(n);
      Map<Key, Integer> oracle = new HashMap<>();
      for (int i = 0; i < n; i++) {
        Key key = new Key(random.nextInt(Math.max(1, n)));
        builder.put(key, i);
        oracle.put(key, i);
      }
      PersistentMap<Key, Integer> built = builder.build();
      assertMatches(built, oracle);
      // The built trie takes further changes as one grown key by key would.
      for (int step = 0; step < 2 * n; step++) {
        Key key = new Key(random.nextInt(Math.max(1, 2 * n)));
        if (random.nextBoolean()) {
          built = built.minus(key);
          oracle.remove(key);
        } else {
          built = built.plus(key, -step);
          oracle.put(key, -step);
        }
      }
      assertMatches(built, oracle);
    }
  }

  @Test
  public void builder_keepsKeysWithEqualHashes() {
    PersistentMap.Builder<Key, Integer> builder = new PersistentMap.Builder<>(4);
    Map<Key, Integer> oracle = new HashMap<>();
    for (int id : new int[] {0, 97, 194, 5, 291}) {  // all but 5 hash to 42
      builder.put(new Key(id), id);
      oracle.put(new Key(id), id);
    }
    PersistentMap<Key, Integer> built = builder.build();
    assertMatches(built, oracle);
    assertMatches(built.minus(new Key(97)).minus(new Key(0)),
        Map.of(new Key(194), 194, new Key(5), 5, new Key(291), 291));
  }

  private static void assertMatches(PersistentMap<Key, Integer> map, Map<Key, Integer> oracle) {
    assertThat(map.size()).isEqualTo(oracle.size());
    Map<Key, Integer> seen = new HashMap<>();
    map.forEach(seen::put);
    assertThat(seen).isEqualTo(oracle);
    oracle.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
    assertThat(map.get(new Key(-1))).isNull();
  }
}
