package io.aurora.server.client.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.thrift.TBase;
import org.apache.thrift.TEnum;
import org.apache.thrift.TFieldIdEnum;
import org.apache.thrift.meta_data.FieldMetaData;

/**
 * Writes Thrift structs as the JSON scripts read from {@code --write-json}: objects with the IDL's
 * field names in the IDL's order, only the fields that are set, enums by name, a union as an
 * object with its one field, lists as arrays, sets as arrays in a stable order (sorted by their
 * JSON text, so equal sets print alike), binary as base64. It is the form {@code IdlJson} reads
 * back.
 */
public final class StructJson {
  private static final ObjectWriter COMPACT = new ObjectMapper().writer();
  /** Python's {@code json.dumps(indent=2)} layout, which Aurora's client prints. */
  private static final ObjectWriter PRETTY = new ObjectMapper().writer(
      new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("").withArrayEmptySeparator(""))
          .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StructJson() {}

  /** {@code struct} as a JSON object. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static ObjectNode of(TBase<?, ?> struct) {
    ObjectNode out = NODES.objectNode();
    Map<? extends TFieldIdEnum, FieldMetaData> fields =
        FieldMetaData.getStructMetaDataMap(((TBase) struct).getClass());
    for (TFieldIdEnum field : fields.keySet()) {
      TBase raw = struct;
      if (raw.isSet(field)) {
        out.set(field.getFieldName(), value(raw.getFieldValue(field)));
      }
    }
    return out;
  }

  /** One line of JSON. */
  public static String compact(JsonNode node) {
    return write(COMPACT, node);
  }

  /** JSON indented for reading, as Aurora's client prints {@code job status --write-json}. */
  static String pretty(JsonNode node) {
    return write(PRETTY, node);
  }

  private static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof TBase<?, ?> struct) {
      return of(struct);
    }
    if (value instanceof TEnum constant) {
      return NODES.textNode(((Enum<?>) constant).name());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Number n) {
      return NODES.numberNode(n.intValue());
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof ByteBuffer bytes) {
      ByteBuffer copy = bytes.duplicate();
      byte[] data = new byte[copy.remaining()];
      copy.get(data);
      return NODES.textNode(Base64.getEncoder().encodeToString(data));
    }
    if (value instanceof byte[] data) {
      return NODES.textNode(Base64.getEncoder().encodeToString(data));
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = NODES.objectNode();
      map.entrySet().stream()
          .sorted(Comparator.comparing(e -> String.valueOf(e.getKey())))
          .forEach(e -> out.set(String.valueOf(e.getKey()), value(e.getValue())));
      return out;
    }
    if (value instanceof Collection<?> elements) {
      List<JsonNode> nodes = new ArrayList<>();
      elements.forEach(e -> nodes.add(value(e)));
      if (value instanceof Set<?>) {
        nodes.sort(Comparator.comparing(StructJson::compact));
      }
      ArrayNode out = NODES.arrayNode();
      out.addAll(nodes);
      return out;
    }
    throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
  }

  private static String write(ObjectWriter writer, JsonNode node) {
    try {
      return writer.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
