/**
 * Message transport between log replicas over TCP on the replica port.
 *
 * <p>{@link io.aurora.log.transport.Transport} moves opaque byte payloads to a {@link
 * io.aurora.log.transport.PeerAddress}; delivery is best effort (Paxos tolerates loss), ordered per
 * connection. {@link io.aurora.log.transport.SocketTransport} frames payloads with a length prefix,
 * keeps one outbound connection per peer with reconnect and backoff, and coalesces small sends.
 *
 * <p>This package knows nothing about Paxos messages: it must not import {@code io.aurora.log.core},
 * {@code io.aurora.log.runtime}, {@code io.aurora.log.storage} or {@code io.aurora.log.discovery}.
 * {@link java.io.IOException} never leaves it.
 */
package io.aurora.log.transport;
