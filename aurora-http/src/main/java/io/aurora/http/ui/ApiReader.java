package io.aurora.http.ui;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ResponseDetail;
import io.aurora.gen.Result;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.thrift.TException;

/**
 * Calls the Thrift API for a page and turns a failed reply into a {@link UiException} with the
 * API's own message, so a page shows "role must be ..." rather than a stack trace.
 */
final class ApiReader {
  /** One read call. */
  @FunctionalInterface
  interface Call {
    Response call(AuroraAdmin.Iface api) throws TException;
  }

  private final AuroraAdmin.Iface api;
  private volatile String cluster = "";

  ApiReader(AuroraAdmin.Iface api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /** The cluster name the latest reply carried ({@code ServerInfo.clusterName}). */
  String cluster() {
    return cluster;
  }

  /** The result of a call that must succeed. */
  Result read(Call call) throws UiException {
    Response r;
    try {
      r = call.call(api);
    } catch (TException | RuntimeException e) {
      throw new UiException(500, "The scheduler could not answer: " + e.getMessage());
    }
    if (r.isSetServerInfo() && r.getServerInfo().isSetClusterName()) {
      cluster = r.getServerInfo().getClusterName();
    }
    if (r.getResponseCode() != ResponseCode.OK) {
      String details = r.isSetDetails()
          ? r.getDetails().stream().map(ResponseDetail::getMessage).collect(Collectors.joining("; "))
          : "";
      int status = r.getResponseCode() == ResponseCode.INVALID_REQUEST ? 400 : 503;
      throw new UiException(status, r.getResponseCode() + (details.isEmpty() ? "" : ": " + details));
    }
    return r.getResult();
  }
}
