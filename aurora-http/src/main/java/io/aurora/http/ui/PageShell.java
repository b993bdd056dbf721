package io.aurora.http.ui;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Wraps a {@link Page} in the document every UI page shares: the navbar, the breadcrumb and the
 * region {@code aurora.js} refreshes. A request carrying {@value #FRAGMENT_HEADER} gets only that
 * region's content, which is how the script refreshes a page without reloading it.
 */
final class PageShell {
  /** The header {@code aurora.js} sends when it asks for the refreshing region only. */
  static final String FRAGMENT_HEADER = "X-Aurora-Fragment";

  /** How often an open page refreshes itself, in seconds. */
  static final int REFRESH_SECONDS = 5;

  private final UiAssets assets;
  private final Supplier<String> cluster;

  PageShell(UiAssets assets, Supplier<String> cluster) {
    this.assets = Objects.requireNonNull(assets, "assets");
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  void send(HttpServerExchange exchange, int status, Page page) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    if (exchange.getRequestHeaders().contains(new HttpString(FRAGMENT_HEADER))) {
      exchange.getResponseSender().send(crumbs(page) + page.body());
      return;
    }
    HtmlWriter h = new HtmlWriter();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>Aurora</title>")
        .raw("<link rel=\"stylesheet\" href=\"" + assets.url("aurora.css") + "\">")
        .raw("</head><body>")
        .raw("<nav class=\"navbar\"><a class=\"brand\" href=\"/scheduler\">Aurora</a>")
        .raw("<span class=\"nav-right\"><a href=\"/updates\">updates</a></span></nav>")
        .raw("<main id=\"content\" data-refresh=\"" + REFRESH_SECONDS + "\">")
        .raw(crumbs(page)).raw(page.body())
        .raw("</main>")
        .raw("<footer><span id=\"refreshed\"></span></footer>")
        .raw("<script src=\"" + assets.url("aurora.js") + "\"></script>")
        .raw("</body></html>\n");
    exchange.getResponseSender().send(h.toString());
  }

  private String crumbs(Page page) {
    HtmlWriter h = new HtmlWriter().raw("<h2 class=\"crumbs\">").link("/scheduler", cluster.get().isEmpty() ? "aurora" : cluster.get());
    for (Page.Crumb c : page.crumbs()) {
      h.raw(" / ").link(c.href(), c.label());
    }
    return h.raw("</h2>").toString();
  }
}
