package io.aurora.server.client.cli;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * One line of progress for a long wait. On a terminal the line is rewritten in place ({@code \r},
 * padded over the previous text); elsewhere (a pipe, a file, a CI log) each change is a plain line
 * and an unchanged state prints nothing.
 */
public final class ProgressLine {
  private final PrintWriter out;
  private final boolean interactive;
  private String last;

  /** @param interactive whether {@code out} is a terminal */
  public ProgressLine(PrintWriter out, boolean interactive) {
    this.out = Objects.requireNonNull(out, "out");
    this.interactive = interactive;
  }

  /** Shows {@code line} if it differs from the one shown last. */
  public void show(String line) {
    if (line.equals(last)) {
      return;
    }
    if (interactive) {
      int shorter = last == null ? 0 : Math.max(0, last.length() - line.length());
      out.print("\r" + line + " ".repeat(shorter));
    } else {
      out.println(line);
    }
    out.flush();
    last = line;
  }

  /** Ends the line on a terminal, so what follows starts on a line of its own. */
  public void finish() {
    if (interactive && last != null) {
      out.println();
      out.flush();
    }
    last = null;
  }
}
