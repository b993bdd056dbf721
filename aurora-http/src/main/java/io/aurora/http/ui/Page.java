package io.aurora.http.ui;

import java.util.List;
import java.util.Objects;

/**
 * A rendered page body and where it sits.
 *
 * @param crumbs the breadcrumb, outermost first: each a label and a link
 * @param body the HTML inside the page's refreshing region
 */
record Page(List<Crumb> crumbs, String body) {
  Page {
    crumbs = List.copyOf(crumbs);
    Objects.requireNonNull(body, "body");
  }

  /** One breadcrumb part. */
  record Crumb(String label, String href) {
    Crumb {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(href, "href");
    }
  }
}
