/**
 * The bundled command-line client, {@code bin/aurora}: it speaks only to a scheduler's {@code /api}
 * (Thrift over HTTP, TJSON or TBinary) and finds the scheduler by URL or through the serverset in
 * ZooKeeper. It must not use the scheduler's internals (storage, scheduling).
 */
package io.aurora.server.client;
