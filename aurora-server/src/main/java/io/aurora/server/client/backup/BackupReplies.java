package io.aurora.server.client.backup;

import io.aurora.gen.Response;
import io.aurora.gen.ResponseDetail;
import java.io.PrintWriter;
import java.util.Objects;

/** Prints the scheduler's messages of an OK answer, one a line. */
final class BackupReplies {
  private BackupReplies() {}

  /** Prints each message of {@code r}, or {@code otherwise} if it has none. */
  static void print(PrintWriter out, Response r, String otherwise) {
    boolean any = false;
    if (r.getDetails() != null) {
      for (ResponseDetail d : r.getDetails()) {
        if (d.getMessage() != null) {
          out.println(d.getMessage());
          any = true;
        }
      }
    }
    if (!any && !Objects.requireNonNull(otherwise).isEmpty()) {
      out.println(otherwise);
    }
    out.flush();
  }
}
