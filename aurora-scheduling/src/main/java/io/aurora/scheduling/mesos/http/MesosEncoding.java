package io.aurora.scheduling.mesos.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The two bodies the v1 API speaks. The master compares Content-Type by exact string equality, so
 * {@link #mediaType()} is sent verbatim, without parameters such as {@code charset}.
 *
 * <p>JSON uses proto field names (snake_case) because the master looks keys up by field name and
 * silently ignores anything else; unknown keys in what we read are ignored for forward
 * compatibility.
 */
public enum MesosEncoding {
  PROTOBUF("application/x-protobuf"),
  JSON("application/json");

  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private final String mediaType;

  MesosEncoding(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The exact media type for Content-Type and Accept. */
  public String mediaType() {
    return mediaType;
  }

  /** The encoding whose media type is exactly {@code contentType}, if any. */
  public static Optional<MesosEncoding> fromMediaType(String contentType) {
    for (MesosEncoding e : values()) {
      if (e.mediaType.equals(contentType)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Serialises a message in this encoding. */
  public byte[] encode(Message message) {
    if (this == PROTOBUF) {
      return message.toByteArray();
    }
    try {
      return PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("cannot print " + message.getDescriptorForType(), e);
    }
  }

  /**
   * Parses {@code bytes} into {@code builder} and builds it.
   *
   * @throws InvalidProtocolBufferException if the bytes are malformed or miss required fields
   */
  @SuppressWarnings("unchecked")
  public <M extends Message> M decode(byte[] bytes, Message.Builder builder)
      throws InvalidProtocolBufferException {
    if (this == PROTOBUF) {
      builder.mergeFrom(bytes);
    } else {
      try {
        PARSER.merge(new String(bytes, StandardCharsets.UTF_8), builder);
      } catch (RuntimeException e) {
        // JsonFormat throws unchecked exceptions for some syntax errors (e.g. from gson).
        throw new InvalidProtocolBufferException("bad JSON: " + e.getMessage());
      }
    }
    if (!builder.isInitialized()) {
      throw new InvalidProtocolBufferException("missing required fields: "
          + builder.findInitializationErrors());
    }
    return (M) builder.build();
  }
}
