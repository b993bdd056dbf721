package io.aurora.http.api;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.TaskQuery;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;

/** Builds request bytes and decodes replies with the generated client, without any transport. */
final class ThriftMessages {
  private ThriftMessages() {}

  static byte[] getRoleSummary(ThriftProtocols protocol) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(256);
    TProtocol out = protocol.factory().getProtocol(buffer);
    new AuroraAdmin.Client(out, out).send_getRoleSummary();
    return java.util.Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  static byte[] getTasksStatus(ThriftProtocols protocol, TaskQuery query) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(256);
    TProtocol out = protocol.factory().getProtocol(buffer);
    new AuroraAdmin.Client(out, out).send_getTasksStatus(query);
    return java.util.Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  static Response readRoleSummary(ThriftProtocols protocol, byte[] reply) throws TException {
    io.aurora.gen.ReadOnlyScheduler.getRoleSummary_result result = new io.aurora.gen.ReadOnlyScheduler.getRoleSummary_result();
    readReply(protocol, reply, result);
    return result.getSuccess();
  }

  static Response readTasksStatus(ThriftProtocols protocol, byte[] reply) throws TException {
    io.aurora.gen.ReadOnlyScheduler.getTasksStatus_result result = new io.aurora.gen.ReadOnlyScheduler.getTasksStatus_result();
    readReply(protocol, reply, result);
    return result.getSuccess();
  }

  /** Reads a reply into {@code result}, or throws the TApplicationException it carries. */
  private static void readReply(ThriftProtocols protocol, byte[] reply, TBase<?, ?> result) throws TException {
    TProtocol in = protocol.factory().getProtocol(new TMemoryInputTransport(reply));
    TMessage message = in.readMessageBegin();
    if (message.type == TMessageType.EXCEPTION) {
      throw TApplicationException.readFrom(in);
    }
    result.read(in);
    in.readMessageEnd();
  }
}
