package io.aurora.server.localmesos;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one string field out of a Thrift binary-protocol struct by its path of field ids, skipping
 * everything else, without generated classes. Used to find the Thermos config inside the
 * serialized {@code AssignedTask} that Aurora puts in {@code TaskInfo.data}:
 * {@code AssignedTask.task (4) -> TaskConfig.executorConfig (25) -> ExecutorConfig.data (2)}.
 */
final class ThriftBinaryFields {
  private static final byte STOP = 0;
  private static final byte BOOL = 2;
  private static final byte BYTE = 3;
  private static final byte DOUBLE = 4;
  private static final byte I16 = 6;
  private static final byte I32 = 8;
  private static final byte I64 = 10;
  private static final byte STRING = 11;
  private static final byte STRUCT = 12;
  private static final byte MAP = 13;
  private static final byte SET = 14;
  private static final byte LIST = 15;
  private static final byte UUID = 16;

  private ThriftBinaryFields() {}

  /** The string (binary) at {@code path}, or empty if absent or the bytes are not a struct. */
  static Optional<byte[]> string(byte[] struct, int... path) {
    try {
      return find(ByteBuffer.wrap(struct), path, 0);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The top-level i32 field {@code id}, if present. */
  static Optional<Integer> i32(byte[] struct, int id) {
    try {
      ByteBuffer in = ByteBuffer.wrap(struct);
      byte type;
      while ((type = in.get()) != STOP) {
        short field = in.getShort();
        if (field == id && type == I32) {
          return Optional.of(in.getInt());
        }
        skip(in, type);
      }
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      // not a struct we understand
    }
    return Optional.empty();
  }

  /** The top-level {@code map<string, i32>} field {@code id}, or an empty map. */
  static Map<String, Integer> stringToI32(byte[] struct, int id) {
    Map<String, Integer> out = new LinkedHashMap<>();
    try {
      ByteBuffer in = ByteBuffer.wrap(struct);
      byte type;
      while ((type = in.get()) != STOP) {
        short field = in.getShort();
        if (field == id && type == MAP) {
          byte key = in.get();
          byte value = in.get();
          int size = in.getInt();
          if (key != STRING || value != I32) {
            return Map.of();
          }
          for (int i = 0; i < size; i++) {
            byte[] name = new byte[in.getInt()];
            in.get(name);
            out.put(new String(name, StandardCharsets.UTF_8), in.getInt());
          }
          return out;
        }
        skip(in, type);
      }
    } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
      return Map.of();
    }
    return out;
  }

  private static Optional<byte[]> find(ByteBuffer in, int[] path, int depth) {
    while (true) {
      byte type = in.get();
      if (type == STOP) {
        return Optional.empty();
      }
      short id = in.getShort();
      if (id == path[depth]) {
        if (depth == path.length - 1) {
          if (type != STRING) {
            return Optional.empty();
          }
          byte[] value = new byte[in.getInt()];
          in.get(value);
          return Optional.of(value);
        }
        if (type != STRUCT) {
          return Optional.empty();
        }
        return find(in, path, depth + 1);
      }
      skip(in, type);
    }
  }

  private static void skip(ByteBuffer in, byte type) {
    switch (type) {
      case BOOL, BYTE -> in.get();
      case I16 -> in.getShort();
      case I32 -> in.getInt();
      case DOUBLE, I64 -> in.getLong();
      case UUID -> in.position(in.position() + 16);
      case STRING -> {
        int length = in.getInt();
        if (length < 0) {
          throw new IllegalArgumentException("negative string length");
        }
        in.position(in.position() + length);
      }
      case STRUCT -> {
        byte field;
        while ((field = in.get()) != STOP) {
          in.getShort();
          skip(in, field);
        }
      }
      case MAP -> {
        byte key = in.get();
        byte value = in.get();
        int size = in.getInt();
        for (int i = 0; i < size; i++) {
          skip(in, key);
          skip(in, value);
        }
      }
      case SET, LIST -> {
        byte element = in.get();
        int size = in.getInt();
        for (int i = 0; i < size; i++) {
          skip(in, element);
        }
      }
      default -> throw new IllegalArgumentException("unknown Thrift type " + type);
    }
  }
}
