package io.aurora.http.ui;

import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.List;

/**
 * One page of a long list, from the {@code page} query parameter (0-based): pages fetch only the
 * rows they show, through the API's offset and limit where the API has them.
 *
 * @param param the query parameter that holds the page number
 * @param page the page shown
 * @param size rows per page
 */
record Pager(String param, int page, int size) {
  /** Reads {@code param} from the request; a missing or bad value is page 0. */
  static Pager from(HttpServerExchange exchange, String param, int size) {
    Deque<String> values = exchange.getQueryParameters().get(param);
    int page = 0;
    if (values != null && !values.isEmpty()) {
      try {
        page = Math.max(0, Integer.parseInt(values.getFirst()));
      } catch (NumberFormatException e) {
        page = 0;
      }
    }
    return new Pager(param, page, size);
  }

  int offset() {
    return page * size;
  }

  /** The rows of this page out of a list already in memory. */
  <T> List<T> slice(List<T> all) {
    int from = Math.min(offset(), all.size());
    return all.subList(from, Math.min(all.size(), from + size));
  }

  /** "rows a-b of n" and previous/next links; empty when everything fits on one page. */
  String controls(int total) {
    if (total <= size && page == 0) {
      return "";
    }
    int last = Math.max(0, (total - 1) / size);
    HtmlWriter h = new HtmlWriter().raw("<div class=\"pager\">");
    if (page > 0) {
      h.raw("<a href=\"?" + param + "=" + (page - 1) + "\">&larr; previous</a> ");
    }
    h.text(Math.min(total, offset() + 1) + "-" + Math.min(total, offset() + size) + " of " + total);
    if (page < last) {
      h.raw(" <a href=\"?" + param + "=" + (page + 1) + "\">next &rarr;</a>");
    }
    return h.raw("</div>").toString();
  }
}
