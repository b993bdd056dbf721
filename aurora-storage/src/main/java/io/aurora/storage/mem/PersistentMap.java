package io.aurora.storage.mem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable hash map whose updates return a new map sharing all untouched structure with the old
 * one (a hash array mapped trie: 32-way nodes indexed by 5 hash bits per level, with a collision
 * node where two keys have equal hashes).
 *
 * <p>This is what lets a write build the next version of a store in O(log n) per change while
 * readers and snapshots keep using the previous version without locks or copies. Keys must be
 * immutable in practice (never modified after insertion); nulls are not allowed.
 */
public final class PersistentMap<K, V> {
  private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(null, 0);
  private static final Object MISSING = new Object();

  private final Node root;
  private final int size;

  private PersistentMap(Node root, int size) {
    this.root = root;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  public static <K, V> PersistentMap<K, V> empty() {
    return (PersistentMap<K, V>) EMPTY;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    if (root == null) {
      return null;
    }
    Object found = root.find(0, hash(key), key);
    return found == MISSING ? null : (V) found;
  }

  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  /** A map with {@code key} bound to {@code value}; this map if it already was. */
  public PersistentMap<K, V> plus(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    boolean[] added = new boolean[1];
    Node base = root == null ? BitmapNode.EMPTY : root;
    Node next = base.put(0, hash(key), key, value, added);
    if (next == root) {
      return this;
    }
    return new PersistentMap<>(next, added[0] ? size + 1 : size);
  }

  /** A map without {@code key}; this map if it had no such key. */
  public PersistentMap<K, V> minus(Object key) {
    if (root == null) {
      return this;
    }
    Node next = root.remove(0, hash(key), key);
    if (next == root) {
      return this;
    }
    return new PersistentMap<>(next, size - 1);
  }

  /** Calls {@code action} for every entry, in no particular order. */
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super K, ? super V> action) {
    if (root != null) {
      root.forEach((BiConsumer<Object, Object>) action);
    }
  }

  /** The keys, in no particular order. */
  public List<K> keys() {
    List<K> out = new ArrayList<>(size);
    forEach((k, v) -> out.add(k));
    return out;
  }

  /** The values, in no particular order. */
  public List<V> values() {
    List<V> out = new ArrayList<>(size);
    forEach((k, v) -> out.add(v));
    return out;
  }

  /**
   * Collects entries and builds one map from all of them at once: the trie is laid out level by
   * level from the keys' hashes, without the path copies that one {@link #plus} per entry makes
   * (for a state recovered from a snapshot, most of the work). A later {@link #put} of a key
   * replaces its value, as with {@link #plus}.
   */
  public static final class Builder<K, V> {
    private final Map<K, V> entries;

    /** A builder expecting about {@code expected} entries. */
    public Builder(int expected) {
      this.entries = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
    }

    /** Binds {@code key} to {@code value}. */
    public Builder<K, V> put(K key, V value) {
      entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Entries so far. */
    public int size() {
      return entries.size();
    }

    /** The map of every entry put. */
    public PersistentMap<K, V> build() {
      int n = entries.size();
      if (n == 0) {
        return empty();
      }
      Object[] keys = new Object[n];
      Object[] values = new Object[n];
      int[] hashes = new int[n];
      int i = 0;
      for (Map.Entry<K, V> e : entries.entrySet()) {
        keys[i] = e.getKey();
        values[i] = e.getValue();
        hashes[i] = hash(e.getKey());
        i++;
      }
      int[] order = new int[n];
      for (int j = 0; j < n; j++) {
        order[j] = j;
      }
      return new PersistentMap<>(layOut(keys, values, hashes, order, new int[n], 0, n, 0), n);
    }

    /**
     * The node at {@code shift} for the entries {@code order[from..to)}: grouped by their 5 hash
     * bits at this level, a lone entry in its slot, two or more in a child one level down (a
     * collision node if their hashes are all equal). {@code scratch} is as long as {@code order}.
     */
    private static Node layOut(Object[] keys, Object[] values, int[] hashes, int[] order,
        int[] scratch, int from, int to, int shift) {
      int[] counts = new int[33];
      for (int j = from; j < to; j++) {
        counts[((hashes[order[j]] >>> shift) & 31) + 1]++;
      }
      int bitmap = 0;
      int slots = 0;
      for (int b = 0; b < 32; b++) {
        if (counts[b + 1] > 0) {
          bitmap |= 1 << b;
          slots++;
        }
        counts[b + 1] += counts[b];
      }
      // Counting sort of this range by bucket, through scratch.
      int[] next = counts.clone();
      for (int j = from; j < to; j++) {
        int e = order[j];
        scratch[from + next[(hashes[e] >>> shift) & 31]++] = e;
      }
      System.arraycopy(scratch, from, order, from, to - from);
      Object[] array = new Object[2 * slots];
      int slot = 0;
      for (int b = 0; b < 32; b++) {
        int start = from + counts[b];
        int end = from + counts[b + 1];
        if (start == end) {
          continue;
        }
        if (end - start == 1) {
          array[2 * slot] = keys[order[start]];
          array[2 * slot + 1] = values[order[start]];
        } else if (sameHash(hashes, order, start, end)) {
          Object[] pairs = new Object[2 * (end - start)];
          for (int j = start; j < end; j++) {
            pairs[2 * (j - start)] = keys[order[j]];
            pairs[2 * (j - start) + 1] = values[order[j]];
          }
          array[2 * slot + 1] = new CollisionNode(hashes[order[start]], pairs);
        } else {
          array[2 * slot + 1] = layOut(keys, values, hashes, order, scratch, start, end,
              shift + 5);
        }
        slot++;
      }
      return new BitmapNode(bitmap, array);
    }

    private static boolean sameHash(int[] hashes, int[] order, int from, int to) {
      for (int j = from + 1; j < to; j++) {
        if (hashes[order[j]] != hashes[order[from]]) {
          return false;
        }
      }
      return true;
    }
  }

  private static int hash(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  private interface Node {
    Object find(int shift, int hash, Object key);

    Node put(int shift, int hash, Object key, Object value, boolean[] added);

    /** This node if the key is absent, null if the node became empty. */
    Node remove(int shift, int hash, Object key);

    void forEach(BiConsumer<Object, Object> action);
  }

  /**
   * Slots hold key/value pairs at {@code 2i, 2i+1}; a null key means the value is a child node.
   */
  private static final class BitmapNode implements Node {
    static final BitmapNode EMPTY = new BitmapNode(0, new Object[0]);

    final int bitmap;
    final Object[] array;

    BitmapNode(int bitmap, Object[] array) {
      this.bitmap = bitmap;
      this.array = array;
    }

    private static int bit(int shift, int hash) {
      return 1 << ((hash >>> shift) & 31);
    }

    private int index(int bit) {
      return Integer.bitCount(bitmap & (bit - 1));
    }

    @Override
    public Object find(int shift, int hash, Object key) {
      int bit = bit(shift, hash);
      if ((bitmap & bit) == 0) {
        return MISSING;
      }
      int i = index(bit);
      Object k = array[2 * i];
      Object v = array[2 * i + 1];
      if (k == null) {
        return ((Node) v).find(shift + 5, hash, key);
      }
      return key.equals(k) ? v : MISSING;
    }

    @Override
    public Node put(int shift, int hash, Object key, Object value, boolean[] added) {
      int bit = bit(shift, hash);
      int i = index(bit);
      if ((bitmap & bit) == 0) {
        added[0] = true;
        Object[] copy = new Object[array.length + 2];
        System.arraycopy(array, 0, copy, 0, 2 * i);
        copy[2 * i] = key;
        copy[2 * i + 1] = value;
        System.arraycopy(array, 2 * i, copy, 2 * i + 2, array.length - 2 * i);
        return new BitmapNode(bitmap | bit, copy);
      }
      Object k = array[2 * i];
      Object v = array[2 * i + 1];
      if (k == null) {
        Node child = ((Node) v).put(shift + 5, hash, key, value, added);
        return child == v ? this : with(2 * i + 1, child);
      }
      if (key.equals(k)) {
        return v == value ? this : with(2 * i + 1, value);
      }
      added[0] = true;
      Node child = pair(shift + 5, k, v, hash, key, value);
      Object[] copy = array.clone();
      copy[2 * i] = null;
      copy[2 * i + 1] = child;
      return new BitmapNode(bitmap, copy);
    }

    private static Node pair(int shift, Object k1, Object v1, int h2, Object k2, Object v2) {
      int h1 = hash(k1);
      if (h1 == h2) {
        return new CollisionNode(h1, new Object[] {k1, v1, k2, v2});
      }
      boolean[] ignored = new boolean[1];
      return EMPTY.put(shift, h1, k1, v1, ignored).put(shift, h2, k2, v2, ignored);
    }

    private BitmapNode with(int slot, Object value) {
      Object[] copy = array.clone();
      copy[slot] = value;
      return new BitmapNode(bitmap, copy);
    }

    @Override
    public Node remove(int shift, int hash, Object key) {
      int bit = bit(shift, hash);
      if ((bitmap & bit) == 0) {
        return this;
      }
      int i = index(bit);
      Object k = array[2 * i];
      Object v = array[2 * i + 1];
      if (k == null) {
        Node child = ((Node) v).remove(shift + 5, hash, key);
        if (child == v) {
          return this;
        }
        if (child != null) {
          return with(2 * i + 1, child);
        }
      } else if (!key.equals(k)) {
        return this;
      }
      if (bitmap == bit) {
        return null;
      }
      Object[] copy = new Object[array.length - 2];
      System.arraycopy(array, 0, copy, 0, 2 * i);
      System.arraycopy(array, 2 * i + 2, copy, 2 * i, array.length - 2 * i - 2);
      return new BitmapNode(bitmap & ~bit, copy);
    }

    @Override
    public void forEach(BiConsumer<Object, Object> action) {
      for (int i = 0; i < array.length; i += 2) {
        if (array[i] == null) {
          ((Node) array[i + 1]).forEach(action);
        } else {
          action.accept(array[i], array[i + 1]);
        }
      }
    }
  }

  /** Keys whose full hashes are equal, as a flat list of pairs. */
  private static final class CollisionNode implements Node {
    final int hash;
    final Object[] array;

    CollisionNode(int hash, Object[] array) {
      this.hash = hash;
      this.array = array;
    }

    private int indexOf(Object key) {
      for (int i = 0; i < array.length; i += 2) {
        if (key.equals(array[i])) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public Object find(int shift, int h, Object key) {
      int i = h == hash ? indexOf(key) : -1;
      return i < 0 ? MISSING : array[i + 1];
    }

    @Override
    public Node put(int shift, int h, Object key, Object value, boolean[] added) {
      if (h != hash) {
        // A different hash below a collision: split into a bitmap node holding both.
        Node split = new BitmapNode(1 << ((hash >>> shift) & 31), new Object[] {null, this});
        return split.put(shift, h, key, value, added);
      }
      int i = indexOf(key);
      if (i >= 0) {
        if (array[i + 1] == value) {
          return this;
        }
        Object[] copy = array.clone();
        copy[i + 1] = value;
        return new CollisionNode(hash, copy);
      }
      added[0] = true;
      Object[] copy = new Object[array.length + 2];
      System.arraycopy(array, 0, copy, 0, array.length);
      copy[array.length] = key;
      copy[array.length + 1] = value;
      return new CollisionNode(hash, copy);
    }

    @Override
    public Node remove(int shift, int h, Object key) {
      int i = h == hash ? indexOf(key) : -1;
      if (i < 0) {
        return this;
      }
      if (array.length == 2) {
        return null;
      }
      Object[] copy = new Object[array.length - 2];
      System.arraycopy(array, 0, copy, 0, i);
      System.arraycopy(array, i + 2, copy, i, array.length - i - 2);
      return new CollisionNode(hash, copy);
    }

    @Override
    public void forEach(BiConsumer<Object, Object> action) {
      for (int i = 0; i < array.length; i += 2) {
        action.accept(array[i], array[i + 1]);
      }
    }
  }
}
