/**
 * The bundled command-line client, {@code bin/aurora} ({@code AuroraClient}): it speaks only to a
 * scheduler's {@code /api} (Thrift over HTTP, TJSON or TBinary, {@code HttpThriftTransport}) and
 * finds the scheduler by URL or through the serverset in ZooKeeper ({@code SchedulerFinder},
 * {@code ThriftConnector}). Sub-packages: {@code cli} (the command framework: context, the
 * scheduler seam, exit codes, arguments, output), {@code config} (job files), {@code job} and
 * {@code update} (the verbs). Sub-packages never depend on this one. It must not use the
 * scheduler's internals (storage, scheduling).
 */
package io.aurora.server.client;
