package io.aurora.http.ui;

/**
 * Builds an HTML fragment: {@link #raw} appends markup as given, {@link #text} escapes what it
 * appends. Everything that comes from the API goes through {@link #text} or {@link #attr}.
 */
final class HtmlWriter {
  private final StringBuilder out = new StringBuilder(4096);

  /** Appends markup as is. */
  HtmlWriter raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends escaped text. */
  HtmlWriter text(Object value) {
    out.append(escape(String.valueOf(value)));
    return this;
  }

  /** Appends {@code <tag>text</tag>}, the text escaped. */
  HtmlWriter el(String tag, Object value) {
    return raw("<" + tag + ">").text(value).raw("</" + tag.split(" ")[0] + ">");
  }

  /** Appends a link; both parts are escaped. */
  HtmlWriter link(String href, Object label) {
    return raw("<a href=\"").raw(escape(href)).raw("\">").text(label).raw("</a>");
  }

  /** An escaped attribute value, for markup built by hand. */
  static String attr(String value) {
    return escape(value);
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
