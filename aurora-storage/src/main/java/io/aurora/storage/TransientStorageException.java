package io.aurora.storage;

/**
 * The storage is not ready (still recovering, or this process is not the leader): retrying later
 * may succeed. The Thrift API answers it with {@code ERROR_TRANSIENT}.
 */
public class TransientStorageException extends StorageException {
  private static final long serialVersionUID = 1L;

  public TransientStorageException(String message) {
    super(message);
  }
}
