package io.aurora.storage.durable;

import io.aurora.storage.StorageException;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import org.apache.thrift.TBase;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * TBinaryProtocol encoding of storage structs, and zlib (deflate) compression. Decoding lifts
 * Thrift's default 100 MB message limit: a snapshot of a large cluster can be bigger than that.
 */
final class ThriftCodec {
  private static final TConfiguration UNLIMITED =
      TConfiguration.custom().setMaxMessageSize(Integer.MAX_VALUE).build();

  private ThriftCodec() {}

  static byte[] encode(TBase<?, ?> struct) {
    try {
      return new TSerializer(new TBinaryProtocol.Factory()).serialize(struct);
    } catch (TException e) {
      throw new StorageException("cannot encode " + struct.getClass().getSimpleName(), e);
    }
  }

  static <T extends TBase<?, ?>> T decode(T into, byte[] bytes) throws TException {
    TMemoryInputTransport transport = new TMemoryInputTransport(UNLIMITED, bytes);
    into.read(new TBinaryProtocol(transport));
    return into;
  }

  static byte[] deflate(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater, 64 * 1024)) {
      stream.write(bytes);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("in-memory deflate cannot fail", e);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  static byte[] inflate(byte[] bytes) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      byte[] buffer = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated deflate stream");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }
}
