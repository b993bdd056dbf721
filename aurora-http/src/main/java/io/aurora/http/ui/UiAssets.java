package io.aurora.http.ui;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The UI's static files ({@code aurora.css}, {@code aurora.js}), read once from the classpath and
 * served under a name that carries a hash of their content ({@code /assets/ui/aurora.3f2a9c1b.css}).
 * A new build with a changed file gets a new URL, so the files can be cached for a year; an old
 * hash is a 404 rather than stale content.
 */
final class UiAssets implements HttpHandler {
  /** Where the assets are served; a prefix path. */
  static final String PREFIX = "/assets/ui";

  private record Asset(byte[] body, String contentType) {}

  private final Map<String, Asset> byUrl = new LinkedHashMap<>();
  private final Map<String, String> urlByName = new LinkedHashMap<>();

  UiAssets() {
    add("aurora.css", "text/css; charset=utf-8");
    add("aurora.js", "text/javascript; charset=utf-8");
  }

  private void add(String name, String contentType) {
    byte[] body = read(name);
    int dot = name.lastIndexOf('.');
    String url = PREFIX + "/" + name.substring(0, dot) + "." + hash(body) + name.substring(dot);
    byUrl.put(url, new Asset(body, contentType));
    urlByName.put(name, url);
  }

  /** The versioned URL of an asset, e.g. {@code url("aurora.css")}. */
  String url(String name) {
    String url = urlByName.get(name);
    if (url == null) {
      throw new IllegalArgumentException("no UI asset named " + name);
    }
    return url;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Asset asset = byUrl.get(exchange.getRequestPath());
    if (asset == null) {
      exchange.setStatusCode(StatusCodes.NOT_FOUND);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send("No such asset: " + exchange.getRequestPath() + "\n");
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, asset.contentType());
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=31536000, immutable");
    exchange.getResponseSender().send(ByteBuffer.wrap(asset.body()));
  }

  private static byte[] read(String name) {
    try (InputStream in = UiAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("UI asset missing from the classpath: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
