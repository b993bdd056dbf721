package io.aurora.gen;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.thrift.TBase;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TException;
import org.apache.thrift.TFieldIdEnum;
import org.apache.thrift.TSerializer;
import org.apache.thrift.TUnion;
import org.apache.thrift.meta_data.FieldMetaData;
import org.apache.thrift.protocol.TProtocolFactory;

/** Test support: protocol round trips and a recursive "every field is set" check. */
public final class ThriftStructs {

  private ThriftStructs() {}

  /** Encodes {@code value} with {@code protocol} and decodes it into a fresh instance. */
  @SuppressWarnings("unchecked")
  public static <T extends TBase<?, ?>> T roundTrip(T value, TProtocolFactory protocol)
      throws TException {
    byte[] bytes = new TSerializer(protocol).serialize(value);
    T copy = (T) value.deepCopy();
    copy.clear();
    new TDeserializer(protocol).deserialize(copy, bytes);
    return copy;
  }

  /**
   * Paths (like {@code assignedTask.task.tier}) of struct fields that are not set, looking into
   * nested structs, union values and container elements. Unions count as complete when one member
   * is set, as they must be.
   */
  public static List<String> unsetFields(TBase<?, ?> value) {
    List<String> unset = new ArrayList<>();
    collectUnset(value, value.getClass().getSimpleName(), unset);
    return unset;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void collectUnset(TBase value, String path, List<String> unset) {
    if (value instanceof TUnion<?, ?> union) {
      if (union.getSetField() == null) {
        unset.add(path + " (empty union)");
      } else {
        collectValue(union.getFieldValue(), path + "." + union.getSetField().getFieldName(), unset);
      }
      return;
    }
    Map<? extends TFieldIdEnum, FieldMetaData> fields =
        FieldMetaData.getStructMetaDataMap((Class) value.getClass());
    for (TFieldIdEnum field : fields.keySet()) {
      String fieldPath = path + "." + field.getFieldName();
      if (!value.isSet(field)) {
        unset.add(fieldPath);
      } else {
        collectValue(value.getFieldValue(field), fieldPath, unset);
      }
    }
  }

  private static void collectValue(Object value, String path, List<String> unset) {
    if (value instanceof TBase<?, ?> struct) {
      collectUnset(struct, path, unset);
    } else if (value instanceof Collection<?> items) {
      if (items.isEmpty()) {
        unset.add(path + " (empty)");
      }
      for (Object item : items) {
        collectValue(item, path + "[]", unset);
      }
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        unset.add(path + " (empty)");
      }
      for (Object item : map.values()) {
        collectValue(item, path + "{}", unset);
      }
    } else if (value instanceof ByteBuffer bytes && !bytes.hasRemaining()) {
      unset.add(path + " (empty)");
    }
  }
}
