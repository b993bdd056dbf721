package io.aurora.storage.backup;

/**
 * A recovery call that cannot be carried out as asked (no such backup, a backup that cannot be
 * read, nothing staged, a recovery already staged). The message says what to do instead.
 */
public final class RecoveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecoveryException(String message) {
    super(message);
  }

  public RecoveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
