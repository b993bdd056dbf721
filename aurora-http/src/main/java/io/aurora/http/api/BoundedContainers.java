package io.aurora.http.api;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolDecorator;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * Refuses a list, set or map whose declared size exceeds the bytes left in the request.
 *
 * <p>Why: Thrift bounds a container's declared size by its minimum element size, but counts a
 * struct element as zero bytes, and the generated code pre-sizes its collection from the declared
 * size. A 60-byte request declaring a set of 450 million structs made the generated reader ask
 * for gigabytes of heap (found by {@code ThriftApiFuzzIT}). Every element of any type takes at
 * least one byte in both protocols, so the remaining body length is a safe bound.
 */
final class BoundedContainers extends TProtocolDecorator {
  private final TMemoryInputTransport body;

  BoundedContainers(TProtocol protocol, TMemoryInputTransport body) {
    super(protocol);
    this.body = body;
  }

  @Override
  public TList readListBegin() throws TException {
    TList list = super.readListBegin();
    check(list.size);
    return list;
  }

  @Override
  public TSet readSetBegin() throws TException {
    TSet set = super.readSetBegin();
    check(set.size);
    return set;
  }

  @Override
  public TMap readMapBegin() throws TException {
    TMap map = super.readMapBegin();
    check(map.size);
    return map;
  }

  private void check(int size) throws TProtocolException {
    int remaining = body.getBytesRemainingInBuffer();
    if (size < 0 || size > remaining) {
      throw new TProtocolException(
          TProtocolException.SIZE_LIMIT,
          "container declares " + size + " elements but only " + remaining + " bytes remain");
    }
  }
}
