package io.aurora.scheduling.mesos.http;

import java.net.URI;

/** Resolves the {@code Location} of a master's 307 "not the leader" answer. */
final class Redirects {
  private Redirects() {}

  /**
   * The URI to re-POST to. Masters send a protocol-relative {@code //host:port/path}; the docs
   * show a bare {@code host:port}. Both get the scheme of the request, and a bare authority keeps
   * the request's path.
   */
  static URI resolve(URI request, String location) {
    String scheme = request.getScheme();
    if (location.startsWith("//")) {
      return URI.create(scheme + ":" + location);
    }
    if (location.startsWith("/")) {
      return request.resolve(location);
    }
    if (location.contains("://")) {
      return URI.create(location);
    }
    int slash = location.indexOf('/');
    String authority = slash < 0 ? location : location.substring(0, slash);
    String path = slash < 0 ? request.getRawPath() : location.substring(slash);
    return URI.create(scheme + "://" + authority + path);
  }
}
