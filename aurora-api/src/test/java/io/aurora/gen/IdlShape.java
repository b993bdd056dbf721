package io.aurora.gen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.thrift.TBase;
import org.apache.thrift.TEnum;
import org.apache.thrift.TFieldIdEnum;
import org.apache.thrift.TFieldRequirementType;
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
 * Describes a generated struct the way the IDL declares it, one line per field:
 * {@code "28: JobKey job"}, {@code "18: optional bool production"}, sorted by id. Comparing these
 * lines pins ids, names, types and requiredness at once, readably.
 */
public final class IdlShape {

  private IdlShape() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static List<String> fields(Class<? extends TBase> struct) {
    Map<? extends TFieldIdEnum, FieldMetaData> fields =
        FieldMetaData.getStructMetaDataMap((Class) struct);
    // Union members are optional by nature; the generator marks them so, the IDL does not.
    boolean union = TUnion.class.isAssignableFrom(struct);
    List<String> lines = new ArrayList<>();
    fields.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> e.getKey().getThriftFieldId()))
        .forEach(e -> lines.add(e.getKey().getThriftFieldId() + ": "
            + (union ? "" : requiredness(e.getValue().requirementType))
            + type(e.getValue().valueMetaData) + " " + e.getValue().fieldName));
    return lines;
  }

  public static <E extends Enum<E> & TEnum> List<String> values(Class<E> enumType) {
    List<String> lines = new ArrayList<>();
    for (E value : enumType.getEnumConstants()) {
      lines.add(value.name() + "=" + value.getValue());
    }
    return lines;
  }

  private static String requiredness(byte requirement) {
    switch (requirement) {
      case TFieldRequirementType.REQUIRED:
        return "required ";
      case TFieldRequirementType.OPTIONAL:
        return "optional ";
      default:
        return "";
    }
  }

  private static String type(FieldValueMetaData meta) {
    if (meta instanceof StructMetaData struct) {
      return struct.structClass.getSimpleName();
    }
    if (meta instanceof EnumMetaData enumMeta) {
      return enumMeta.enumClass.getSimpleName();
    }
    if (meta instanceof ListMetaData list) {
      return "list<" + type(list.elemMetaData) + ">";
    }
    if (meta instanceof SetMetaData set) {
      return "set<" + type(set.elemMetaData) + ">";
    }
    if (meta instanceof MapMetaData map) {
      return "map<" + type(map.keyMetaData) + "," + type(map.valueMetaData) + ">";
    }
    if (meta.isTypedef()) {
      return meta.getTypedefName();
    }
    switch (meta.type) {
      case TType.BOOL:
        return "bool";
      case TType.BYTE:
        return "byte";
      case TType.I16:
        return "i16";
      case TType.I32:
        return "i32";
      case TType.I64:
        return "i64";
      case TType.DOUBLE:
        return "double";
      case TType.STRING:
        return meta.isBinary() ? "binary" : "string";
      default:
        throw new IllegalArgumentException("unexpected thrift type " + meta.type);
    }
  }
}
