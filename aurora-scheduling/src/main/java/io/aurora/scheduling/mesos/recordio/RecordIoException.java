package io.aurora.scheduling.mesos.recordio;

/** The byte stream is not valid RecordIO; the stream cannot be resynchronised and must be dropped. */
public final class RecordIoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the bad input. */
  public RecordIoException(String message) {
    super(message);
  }
}
