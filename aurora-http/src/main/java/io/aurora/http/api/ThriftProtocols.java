package io.aurora.http.api;

import java.util.Locale;
import java.util.Optional;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TProtocolFactory;

/**
 * The protocol negotiation of Aurora's {@code /api}: the request's {@code Content-Type} picks how
 * the body is read, the {@code Accept} header how the reply is written.
 */
public enum ThriftProtocols {
  /** TBinaryProtocol, {@code application/vnd.apache.thrift.binary}; what the Python client uses. */
  BINARY("application/vnd.apache.thrift.binary", new TBinaryProtocol.Factory()),
  /** TJSONProtocol, {@code application/vnd.apache.thrift.json}; what the web UI uses. */
  JSON("application/vnd.apache.thrift.json", new TJSONProtocol.Factory());

  private final String mediaType;
  private final TProtocolFactory factory;

  ThriftProtocols(String mediaType, TProtocolFactory factory) {
    this.mediaType = mediaType;
    this.factory = factory;
  }

  /** The media type this protocol is sent with. */
  public String mediaType() {
    return mediaType;
  }

  /** Creates protocols over a transport. */
  public TProtocolFactory factory() {
    return factory;
  }

  /**
   * The request protocol for a {@code Content-Type} header (parameters such as {@code charset}
   * ignored): the binary type gives BINARY; the JSON type, {@code application/json},
   * {@code application/x-thrift} or no header give JSON; anything else is empty (answer 415).
   */
  public static Optional<ThriftProtocols> forContentType(String contentType) {
    if (contentType == null) {
      return Optional.of(JSON);
    }
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
    switch (type) {
      case "application/vnd.apache.thrift.binary":
        return Optional.of(BINARY);
      case "":
      case "application/vnd.apache.thrift.json":
      case "application/json":
      case "application/x-thrift":
        return Optional.of(JSON);
      default:
        return Optional.empty();
    }
  }

  /** The reply protocol for an {@code Accept} header: BINARY if it names the binary type, else JSON. */
  public static ThriftProtocols forAccept(String accept) {
    return accept != null && accept.toLowerCase(Locale.ROOT).contains(BINARY.mediaType) ? BINARY : JSON;
  }
}
