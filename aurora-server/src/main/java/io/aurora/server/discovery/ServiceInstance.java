package io.aurora.server.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One serverset member: what a {@code member_} node holds.
 *
 * @param serviceEndpoint the main endpoint (Aurora: the HTTP port)
 * @param additionalEndpoints named endpoints in the order they are written; Aurora's client takes
 *     {@code https}, else {@code http}
 * @param status the member's status; schedulers only write {@link Status#ALIVE}
 */
public record ServiceInstance(
    Endpoint serviceEndpoint, Map<String, Endpoint> additionalEndpoints, Status status) {

  /** The additional endpoint name of the Thrift TCP port. */
  public static final String THRIFT_ENDPOINT = "thrift";

  /** Member status, as in the Twitter serverset format Aurora uses. */
  public enum Status {
    DEAD,
    STARTING,
    ALIVE,
    WARNING,
    STOPPING,
    STOPPED,
    UNKNOWN
  }

  public ServiceInstance {
    Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
    Objects.requireNonNull(status, "status");
    // Insertion order is kept so the JSON comes out byte for byte as documented.
    additionalEndpoints = Collections.unmodifiableMap(new LinkedHashMap<>(additionalEndpoints));
  }

  /**
   * The member a scheduler announces: {@code serviceEndpoint} and {@code <httpEndpointName>} on the
   * HTTP port, {@code thrift} on the Thrift port, status ALIVE.
   *
   * @param httpEndpointName {@code -serverset_endpoint_name}, normally {@code http}
   */
  public static ServiceInstance scheduler(
      String host, int httpPort, String httpEndpointName, int thriftPort) {
    Objects.requireNonNull(httpEndpointName, "httpEndpointName");
    if (httpEndpointName.isEmpty() || httpEndpointName.equals(THRIFT_ENDPOINT)) {
      throw new IllegalArgumentException(
          "serverset endpoint name must be non-empty and not '"
              + THRIFT_ENDPOINT
              + "': '"
              + httpEndpointName
              + "'");
    }
    Endpoint http = new Endpoint(host, httpPort);
    Map<String, Endpoint> extra = new LinkedHashMap<>();
    extra.put(httpEndpointName, http);
    extra.put(THRIFT_ENDPOINT, new Endpoint(host, thriftPort));
    return new ServiceInstance(http, extra, Status.ALIVE);
  }
}
