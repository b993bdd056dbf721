package io.aurora.server.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.thrift.TBase;
import org.apache.thrift.TEnum;
import org.apache.thrift.TFieldIdEnum;
import org.apache.thrift.meta_data.EnumMetaData;
import org.apache.thrift.meta_data.FieldMetaData;
import org.apache.thrift.meta_data.FieldValueMetaData;
import org.apache.thrift.meta_data.ListMetaData;
import org.apache.thrift.meta_data.MapMetaData;
import org.apache.thrift.meta_data.SetMetaData;
import org.apache.thrift.meta_data.StructMetaData;
import org.apache.thrift.protocol.TType;

/**
 * Reads Thrift structs from JSON written for people: objects with the IDL's field names
 * ({@code {"instanceCount": 1, "taskConfig": {...}}}), a union as an object with one field
 * ({@code {"numCpus": 0.5}}), enums by name, sets and lists as arrays. A string field given an
 * object or array gets that JSON as its text, so a Thermos config can be written inline in
 * {@code executorConfig.data}. Unknown fields are errors that name the path.
 */
public final class IdlJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IdlJson() {}

  /** Reads {@code node} as a {@code type}. */
  public static <T extends TBase<?, ?>> T read(JsonNode node, Class<T> type) {
    return type.cast(struct(node, type, "$"));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TBase<?, ?> struct(JsonNode node, Class<? extends TBase> type, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + ": expected an object for " + type.getSimpleName());
    }
    TBase value;
    try {
      value = type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
    Map<? extends TFieldIdEnum, FieldMetaData> fields = FieldMetaData.getStructMetaDataMap(type);
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String fieldPath = path + "." + e.getKey();
      TFieldIdEnum id = fields.keySet().stream()
          .filter(f -> f.getFieldName().equals(e.getKey())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(fieldPath + ": " + type.getSimpleName()
              + " has no field '" + e.getKey() + "'"));
      FieldValueMetaData meta = fields.get(id).valueMetaData;
      value.setFieldValue(id, value(e.getValue(), meta, fieldType(type, e.getKey(), meta), fieldPath));
    }
    return value;
  }

  /** The struct class of a field; typedef'd structs carry no class in the metadata. */
  @SuppressWarnings("rawtypes")
  private static Class<? extends TBase> fieldType(Class<?> owner, String name, FieldValueMetaData meta) {
    if (meta instanceof StructMetaData s) {
      return s.structClass;
    }
    if (meta.type != TType.STRUCT) {
      return null;
    }
    try {
      return owner.getField(name).getType().asSubclass(TBase.class);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("no class for field " + name + " of " + owner.getName(), e);
    }
  }

  @SuppressWarnings("rawtypes")
  private static Object value(JsonNode node, FieldValueMetaData meta, Class<? extends TBase> structType,
      String path) {
    switch (meta.type) {
      case TType.BOOL:
        return expect(node, node.isBoolean(), "a boolean", path).booleanValue();
      case TType.BYTE:
        return (byte) expect(node, node.canConvertToInt(), "a number", path).intValue();
      case TType.I16:
        return (short) expect(node, node.canConvertToInt(), "a number", path).intValue();
      case TType.I32:
        return expect(node, node.canConvertToInt(), "an integer", path).intValue();
      case TType.I64:
        return expect(node, node.canConvertToLong(), "an integer", path).longValue();
      case TType.DOUBLE:
        return expect(node, node.isNumber(), "a number", path).doubleValue();
      case TType.STRING:
        String text = node.isContainerNode() ? write(node) : expect(node, node.isTextual(), "a string", path).textValue();
        return meta.isBinary() ? ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)) : text;
      case TType.ENUM:
        return enumValue(node, ((EnumMetaData) meta).enumClass, path);
      case TType.STRUCT:
        return struct(node, structType, path);
      case TType.LIST: {
        List<Object> out = new ArrayList<>();
        elements(node, ((ListMetaData) meta).elemMetaData, path, out);
        return out;
      }
      case TType.SET: {
        Set<Object> out = new HashSet<>();
        elements(node, ((SetMetaData) meta).elemMetaData, path, out);
        return out;
      }
      case TType.MAP: {
        MapMetaData map = (MapMetaData) meta;
        if (map.keyMetaData.type != TType.STRING) {
          throw new IllegalArgumentException(path + ": only maps with string keys can be written in JSON");
        }
        Map<Object, Object> out = new HashMap<>();
        expect(node, node.isObject(), "an object", path).fields().forEachRemaining(e ->
            out.put(e.getKey(), value(e.getValue(), map.valueMetaData,
                elementType(map.valueMetaData), path + "." + e.getKey())));
        return out;
      }
      default:
        throw new IllegalArgumentException(path + ": unsupported Thrift type " + meta.type);
    }
  }

  private static void elements(JsonNode node, FieldValueMetaData elem, String path,
      java.util.Collection<Object> out) {
    expect(node, node.isArray(), "an array", path);
    for (int i = 0; i < node.size(); i++) {
      out.add(value(node.get(i), elem, elementType(elem), path + "[" + i + "]"));
    }
  }

  @SuppressWarnings("rawtypes")
  private static Class<? extends TBase> elementType(FieldValueMetaData meta) {
    return meta instanceof StructMetaData s ? s.structClass : null;
  }

  private static Object enumValue(JsonNode node, Class<? extends TEnum> type, String path) {
    if (node.isTextual()) {
      for (TEnum constant : type.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(node.textValue())) {
          return constant;
        }
      }
      throw new IllegalArgumentException(path + ": '" + node.textValue() + "' is not a "
          + type.getSimpleName() + " (one of " + names(type) + ")");
    }
    try {
      Object found = type.getMethod("findByValue", int.class).invoke(null,
          expect(node, node.canConvertToInt(), "a name", path).intValue());
      if (found == null) {
        throw new IllegalArgumentException(path + ": " + node + " is not a " + type.getSimpleName());
      }
      return found;
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String names(Class<? extends TEnum> type) {
    StringBuilder names = new StringBuilder();
    for (TEnum constant : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : ", ").append(((Enum<?>) constant).name());
    }
    return names.toString();
  }

  private static JsonNode expect(JsonNode node, boolean ok, String what, String path) {
    if (!ok) {
      throw new IllegalArgumentException(path + ": expected " + what + ", got " + node);
    }
    return node;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
