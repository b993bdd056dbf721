package io.aurora.storage.mem;

import com.google.common.hash.Hashing;
import io.aurora.gen.TaskConfig;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/**
 * Chooses config ids: the first 128 bits of the SHA-256 of the config's binary encoding, in hex.
 * Equal configs (the instances of a job) get equal ids, so they are stored once.
 */
final class TaskConfigIds {
  private TaskConfigIds() {}

  static String of(TaskConfig config) {
    try {
      byte[] bytes = new TSerializer(new TBinaryProtocol.Factory()).serialize(config);
      return Hashing.sha256().hashBytes(bytes).toString().substring(0, 32);
    } catch (TException e) {
      throw new IllegalArgumentException("task config cannot be encoded: " + e.getMessage(), e);
    }
  }
}
