package io.aurora.log.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The file storage keeps the contract; file-specific behaviour is in the other FileLogStorage tests. */
class FileLogStorageTest extends LogStorageContract {
  @TempDir Path dir;

  @Override
  protected LogStorage create() {
    return FileLogStorage.open(dir, FileLogStorage.Options.defaults().withSegmentBytes(64 << 10));
  }

  @Override
  protected LogStorage reopen(LogStorage old) {
    old.close();
    return create();
  }
}
