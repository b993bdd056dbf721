package io.aurora.server.client.cli;

import io.aurora.gen.AuroraAdmin;
import java.net.URI;
import java.util.Objects;

/**
 * A scheduler a command talks to: its Thrift API and the base URL of its web pages (for links such
 * as {@code <base>/scheduler/ROLE/ENV/NAME/update/ID}).
 */
public record SchedulerHandle(AuroraAdmin.Iface api, URI webBase) {
  public SchedulerHandle {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(webBase, "webBase");
  }

  /** The web page of {@code path} (e.g. {@code scheduler/www/prod/hello}) on this scheduler. */
  public String page(String path) {
    String base = webBase.toString();
    return (base.endsWith("/") ? base : base + "/") + path;
  }
}
