package io.aurora.log.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The transport's counters, registered once per transport. */
final class TransportMetrics {
  final Counter sentMessages;
  final Counter sentBytes;
  final Counter socketWrites;
  final Counter receivedMessages;
  final Counter receivedBytes;
  final Counter droppedQueueFull;
  final Counter droppedUnreachable;
  final Counter connects;
  final Counter connectFailures;
  final Counter inboundErrors;

  TransportMetrics(MeterRegistry registry) {
    sentMessages = registry.counter("log.transport.sent.messages");
    sentBytes = registry.counter("log.transport.sent.bytes");
    socketWrites = registry.counter("log.transport.socket.writes");
    receivedMessages = registry.counter("log.transport.received.messages");
    receivedBytes = registry.counter("log.transport.received.bytes");
    droppedQueueFull = registry.counter("log.transport.dropped.messages", "reason", "queue_full");
    droppedUnreachable =
        registry.counter("log.transport.dropped.messages", "reason", "unreachable");
    connects = registry.counter("log.transport.connects");
    connectFailures = registry.counter("log.transport.connect.failures");
    inboundErrors = registry.counter("log.transport.inbound.errors");
  }
}
