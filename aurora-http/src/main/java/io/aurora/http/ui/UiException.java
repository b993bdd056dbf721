package io.aurora.http.ui;

/** A page cannot be shown: the message says why, in words for the person looking at it. */
final class UiException extends Exception {
  private final int status;

  UiException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status the page answers with. */
  int status() {
    return status;
  }
}
