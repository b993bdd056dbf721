package io.aurora.log.storage;

import java.nio.file.Path;

/**
 * A child process for {@link FileLogStorageKillIT}: appends records from a start position in batches,
 * syncs each batch and then prints {@code synced <last position>}; every 2,000 positions it also
 * truncates and prints {@code truncated <point>} once that is synced. It runs until it is killed.
 */
public final class StorageWriterProcess {
  private StorageWriterProcess() {}

  /** The record the writer stores at {@code position}; the test recomputes it to check content. */
  static byte[] record(long position) {
    byte[] record = new byte[100 + (int) (position % 400)];
    for (int i = 0; i < record.length; i++) {
      record[i] = (byte) (position * 31 + i);
    }
    return record;
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long position = Long.parseLong(args[1]);
    java.util.Random random = new java.util.Random(position);
    try (FileLogStorage storage =
        FileLogStorage.open(dir, FileLogStorage.Options.defaults().withSegmentBytes(256 << 10))) {
      while (true) {
        int batch = 1 + random.nextInt(100);
        long truncated = -1;
        for (int i = 0; i < batch; i++, position++) {
          storage.put(position, record(position));
          if (position % 2000 == 0 && position >= 1000) {
            truncated = position - 1000;
            storage.truncateBefore(truncated);
          }
        }
        storage.sync();
        if (truncated >= 0) {
          System.out.println("truncated " + truncated);
        }
        System.out.println("synced " + (position - 1));
        System.out.flush();
      }
    }
  }
}
