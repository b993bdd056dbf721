package io.aurora.server.app;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.thrift.TBase;
import org.apache.thrift.TEnum;
import org.apache.thrift.TFieldIdEnum;
import org.apache.thrift.TUnion;
import org.apache.thrift.meta_data.EnumMetaData;
import org.apache.thrift.meta_data.FieldMetaData;
import org.apache.thrift.meta_data.FieldValueMetaData;
import org.apache.thrift.meta_data.ListMetaData;
import org.apache.thrift.meta_data.MapMetaData;
import org.apache.thrift.meta_data.SetMetaData;
import org.apache.thrift.meta_data.StructMetaData;
import org.apache.thrift.protocol.TType;

/**
 * Well-typed but absurd Thrift values for any generated struct, driven by the structs' own
 * metadata: empty, huge, negative and NaN numbers, empty, long, control-character and path-like
 * strings, empty and small collections, nested structs with random fields unset, unions with one
 * random branch. Also perturbs a valid struct by replacing one field somewhere inside it, so that
 * a call gets past the first checks and exercises the deeper ones. Deterministic for a seed.
 */
final class RandomThrift {
  private static final int MAX_DEPTH = 4;
  private static final String[] WORDS = {
    "", " ", "www", "prod", "devel", "test", "hello", "*", "..", "../../etc/passwd", "a/b",
    "\u0000", "\uFFFF\uD83D\uDE00", "%s%n", "<script>", "null", "-1", "role with spaces",
  };

  private final Random random;

  RandomThrift(Random random) {
    this.random = random;
  }

  /** A new instance of {@code type} with random fields (a union with one random branch). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  <T extends TBase<?, ?>> T struct(Class<T> type, int depth) {
    T instance;
    try {
      instance = type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    Map<? extends TFieldIdEnum, FieldMetaData> fields =
        FieldMetaData.getStructMetaDataMap((Class) type);
    List<TFieldIdEnum> ids = new ArrayList<>(fields.keySet());
    if (instance instanceof TUnion) {
      TFieldIdEnum id = ids.get(random.nextInt(ids.size()));
      Object value = value(fields.get(id).valueMetaData, depth + 1);
      if (value != null) {
        ((TBase) instance).setFieldValue(id, value);
      }
      return instance;
    }
    for (TFieldIdEnum id : ids) {
      if (depth < MAX_DEPTH && random.nextInt(10) < 7) {
        ((TBase) instance).setFieldValue(id, value(fields.get(id).valueMetaData, depth + 1));
      }
    }
    return instance;
  }

  /** {@code valid} with one field, at the top or nested inside, replaced by a random value. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  <T extends TBase<?, ?>> T perturb(T valid) {
    T copy = (T) valid.deepCopy();
    TBase target = copy;
    for (int depth = 0; ; depth++) {
      Map<? extends TFieldIdEnum, FieldMetaData> fields =
          FieldMetaData.getStructMetaDataMap((Class) target.getClass());
      List<TFieldIdEnum> ids = new ArrayList<>(fields.keySet());
      if (ids.isEmpty()) {
        return copy;
      }
      TFieldIdEnum id = ids.get(random.nextInt(ids.size()));
      Object current = target.isSet(id) ? target.getFieldValue(id) : null;
      if (current instanceof TBase && !(current instanceof TUnion) && random.nextBoolean()) {
        target = (TBase) current;
        continue;
      }
      target.setFieldValue(id, random.nextInt(8) == 0 ? null
          : value(fields.get(id).valueMetaData, depth + 1));
      return copy;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object value(FieldValueMetaData meta, int depth) {
    switch (meta.type) {
      case TType.BOOL:
        return random.nextBoolean();
      case TType.BYTE:
        return (byte) random.nextInt();
      case TType.I16:
        return (short) anInt();
      case TType.I32:
        return anInt();
      case TType.I64:
        return aLong();
      case TType.DOUBLE:
        return aDouble();
      case TType.STRING:
        if (meta.isBinary()) {
          byte[] bytes = new byte[random.nextInt(33)];
          random.nextBytes(bytes);
          return ByteBuffer.wrap(bytes);
        }
        return aString();
      case TType.ENUM:
        if (!(meta instanceof EnumMetaData)) {
          return null;
        }
        TEnum[] constants = ((EnumMetaData) meta).enumClass.getEnumConstants();
        return constants[random.nextInt(constants.length)];
      case TType.STRUCT:
        return meta instanceof StructMetaData && depth < MAX_DEPTH
            ? struct((Class) ((StructMetaData) meta).structClass, depth) : null;
      case TType.LIST:
        return fill(new ArrayList<>(), ((ListMetaData) meta).elemMetaData, depth);
      case TType.SET:
        return fill(new HashSet<>(), ((SetMetaData) meta).elemMetaData, depth);
      case TType.MAP: {
        Map<Object, Object> map = new HashMap<>();
        MapMetaData m = (MapMetaData) meta;
        for (int n = size(); n > 0; n--) {
          Object k = value(m.keyMetaData, depth + 1);
          Object v = value(m.valueMetaData, depth + 1);
          if (k != null && v != null) {
            map.put(k, v);
          }
        }
        return map;
      }
      default:
        return null;
    }
  }

  private <C extends Collection<Object>> C fill(C to, FieldValueMetaData element, int depth) {
    for (int n = size(); n > 0; n--) {
      Object value = value(element, depth + 1);
      if (value != null) {
        to.add(value);
      }
    }
    return to;
  }

  private int size() {
    int r = random.nextInt(20);
    return r < 4 ? 0 : r < 18 ? 1 + random.nextInt(3) : 10 + random.nextInt(40);
  }

  private int anInt() {
    switch (random.nextInt(6)) {
      case 0: return 0;
      case 1: return random.nextBoolean() ? -1 : Integer.MIN_VALUE;
      case 2: return Integer.MAX_VALUE;
      case 3: return random.nextInt();
      default: return random.nextInt(10);
    }
  }

  private long aLong() {
    switch (random.nextInt(5)) {
      case 0: return 0;
      case 1: return random.nextBoolean() ? -1 : Long.MIN_VALUE;
      case 2: return Long.MAX_VALUE;
      case 3: return random.nextLong();
      default: return random.nextInt(1 << 20);
    }
  }

  private double aDouble() {
    double[] odd = {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE};
    return random.nextBoolean() ? odd[random.nextInt(odd.length)] : random.nextDouble() * 8;
  }

  private String aString() {
    switch (random.nextInt(6)) {
      case 0: return WORDS[random.nextInt(WORDS.length)];
      case 1: return "x".repeat(random.nextInt(8192));
      case 2: {
        char[] chars = new char[random.nextInt(40)];
        for (int i = 0; i < chars.length; i++) {
          chars[i] = (char) random.nextInt(0x3000);
        }
        return new String(chars);
      }
      default: return "f" + Integer.toString(random.nextInt(1 << 20), 36);
    }
  }
}
