package io.aurora.http.api;

import io.undertow.util.StatusCodes;
import java.io.ByteArrayOutputStream;
import java.util.Objects;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.TProcessor;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TIOStreamTransport;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * Runs one Thrift request through a processor in memory and decides the HTTP status.
 *
 * <p>Thrift's processor answers some client mistakes with a normal reply carrying a
 * {@link TApplicationException} (an unknown method, arguments that do not parse); a Thrift HTTP
 * client would read that as a server answer. Aurora's clients should learn that the request was
 * wrong, so such replies become 400 with the exception's message. A failure inside the service
 * ({@code INTERNAL_ERROR}) stays a 200 Thrift reply: the client's Thrift stub raises it with its
 * message, which is the most useful thing a Thrift client can get.
 *
 * <p>The input transport is limited to the body's own size, so a declared container or string
 * length larger than the body fails as a protocol error instead of allocating it, and
 * {@link BoundedContainers} does the same for container sizes; nesting is limited by Thrift's
 * recursion limit.
 */
final class ThriftCall {
  private static final int RECURSION_LIMIT = 64;

  private final TProcessor processor;

  ThriftCall(TProcessor processor) {
    this.processor = Objects.requireNonNull(processor, "processor");
  }

  ApiResponse execute(byte[] body, ThriftProtocols in, ThriftProtocols out) {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    try {
      TConfiguration limits =
          new TConfiguration(Math.max(1, body.length), Math.max(1, body.length), RECURSION_LIMIT);
      TMemoryInputTransport transport = new TMemoryInputTransport(limits, body);
      TProtocol input = new BoundedContainers(in.factory().getProtocol(transport), transport);
      TProtocol output = out.factory().getProtocol(new TIOStreamTransport(reply));
      processor.process(input, output);
    } catch (TException | RuntimeException | StackOverflowError e) {
      return ApiResponse.error(StatusCodes.BAD_REQUEST, "Malformed Thrift request: " + describe(e));
    }
    byte[] bytes = reply.toByteArray();
    String clientError = clientError(bytes, out);
    if (clientError != null) {
      return ApiResponse.error(StatusCodes.BAD_REQUEST, "Bad Thrift request: " + clientError);
    }
    return new ApiResponse(StatusCodes.OK, out.mediaType(), bytes);
  }

  /**
   * The name of the method a request calls, read from its message header alone; null when the
   * header does not parse (the processor will then answer 400).
   */
  static String methodName(byte[] body, ThriftProtocols in) {
    try {
      TConfiguration limits =
          new TConfiguration(Math.max(1, body.length), Math.max(1, body.length), RECURSION_LIMIT);
      TProtocol input = in.factory().getProtocol(new TMemoryInputTransport(limits, body));
      return input.readMessageBegin().name;
    } catch (TException | RuntimeException e) {
      return null;
    }
  }

  /** The message of a reply that reports a caller mistake, or null for any other reply. */
  private static String clientError(byte[] reply, ThriftProtocols protocol) {
    if (reply.length == 0) {
      return null; // a oneway call
    }
    try {
      TProtocol in = protocol.factory().getProtocol(new TMemoryInputTransport(reply));
      TMessage message = in.readMessageBegin();
      if (message.type != TMessageType.EXCEPTION) {
        return null;
      }
      TApplicationException x = TApplicationException.readFrom(in);
      switch (x.getType()) {
        case TApplicationException.UNKNOWN_METHOD:
        case TApplicationException.INVALID_MESSAGE_TYPE:
        case TApplicationException.WRONG_METHOD_NAME:
        case TApplicationException.BAD_SEQUENCE_ID:
        case TApplicationException.PROTOCOL_ERROR:
        case TApplicationException.INVALID_PROTOCOL:
          return describe(x);
        default:
          return null;
      }
    } catch (TException e) {
      // Our own processor wrote it; if we cannot read it back, pass it on untouched.
      return null;
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "nested too deeply";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
