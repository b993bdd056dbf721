package io.aurora.server.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The serverset member JSON, UTF-8, as Aurora and its clients read it:
 *
 * <pre>{"serviceEndpoint":{"host":"h","port":8081},
 *  "additionalEndpoints":{"http":{"host":"h","port":8081},"thrift":{"host":"h","port":8082}},
 *  "status":"ALIVE"}</pre>
 *
 * (on one line, no spaces). Decoding requires {@code serviceEndpoint} with {@code host} and {@code
 * port}; a missing {@code additionalEndpoints} is empty, a missing or unknown {@code status} is
 * UNKNOWN, and unknown fields (e.g. Finagle's {@code shard}) are ignored.
 */
public final class ServersetCodec {

  private final ObjectMapper mapper = new ObjectMapper();

  /** Encodes a member in Aurora's field order. */
  public byte[] encode(ServiceInstance instance) {
    Objects.requireNonNull(instance, "instance");
    ObjectNode root = mapper.createObjectNode();
    root.set("serviceEndpoint", endpoint(instance.serviceEndpoint()));
    ObjectNode extra = root.putObject("additionalEndpoints");
    instance.additionalEndpoints().forEach((name, ep) -> extra.set(name, endpoint(ep)));
    root.put("status", instance.status().name());
    try {
      return mapper.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and ints failed to serialize", e);
    }
  }

  /**
   * Decodes a member node's bytes.
   *
   * @throws ServersetFormatException saying what is missing or malformed
   */
  public ServiceInstance decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (IOException e) {
      throw new ServersetFormatException("serverset member is not JSON: " + preview(bytes), e);
    }
    if (root == null || !root.isObject()) {
      throw new ServersetFormatException(
          "serverset member is not a JSON object: " + preview(bytes));
    }
    if (!root.has("serviceEndpoint")) {
      throw new ServersetFormatException(
          "serverset member has no serviceEndpoint: " + preview(bytes));
    }
    Endpoint service = endpoint("serviceEndpoint", root.get("serviceEndpoint"));
    Map<String, Endpoint> extra = new LinkedHashMap<>();
    JsonNode extraNode = root.get("additionalEndpoints");
    if (extraNode != null && !extraNode.isNull()) {
      if (!extraNode.isObject()) {
        throw new ServersetFormatException("serverset member additionalEndpoints is not an object");
      }
      for (Map.Entry<String, JsonNode> e : extraNode.properties()) {
        extra.put(e.getKey(), endpoint("additionalEndpoints." + e.getKey(), e.getValue()));
      }
    }
    return new ServiceInstance(service, extra, status(root.get("status")));
  }

  private ObjectNode endpoint(Endpoint ep) {
    ObjectNode node = mapper.createObjectNode();
    node.put("host", ep.host());
    node.put("port", ep.port());
    return node;
  }

  private static Endpoint endpoint(String where, JsonNode node) {
    if (!node.isObject()) {
      throw new ServersetFormatException("serverset member " + where + " is not an object");
    }
    JsonNode host = node.get("host");
    if (host == null || !host.isTextual() || host.asText().isEmpty()) {
      throw new ServersetFormatException("serverset member " + where + " has no host");
    }
    JsonNode port = node.get("port");
    if (port == null || !port.canConvertToInt() || !port.isIntegralNumber()) {
      throw new ServersetFormatException("serverset member " + where + " has no integer port");
    }
    try {
      return new Endpoint(host.asText(), port.asInt());
    } catch (IllegalArgumentException e) {
      throw new ServersetFormatException("serverset member " + where + ": " + e.getMessage(), e);
    }
  }

  private static ServiceInstance.Status status(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return ServiceInstance.Status.UNKNOWN;
    }
    for (ServiceInstance.Status s : ServiceInstance.Status.values()) {
      if (s.name().equals(node.asText())) {
        return s;
      }
    }
    return ServiceInstance.Status.UNKNOWN;
  }

  private static String preview(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() <= 80 ? "'" + text + "'" : "'" + text.substring(0, 80) + "...'";
  }
}
