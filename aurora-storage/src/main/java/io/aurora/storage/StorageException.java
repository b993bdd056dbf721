package io.aurora.storage;

/**
 * A storage operation failed: the work was not applied, or (for a write whose log append failed) the
 * storage can no longer accept writes. The cause, if any, is attached.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
