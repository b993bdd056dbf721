/**
 * The bundled command-line client, {@code bin/aurora} ({@code AuroraClient}): it speaks only to a
 * scheduler's {@code /api} (Thrift over HTTP, TJSON or TBinary, {@code HttpThriftTransport}) and
 * finds the scheduler of a job's cluster by URL or through the serverset in ZooKeeper, as the
 * options or {@code clusters.json} say ({@code SchedulerFinder}, {@code ThriftConnector}).
 * Sub-packages: {@code cli} (the command framework: context, the scheduler seam, exit codes,
 * arguments, output), {@code cluster} ({@code clusters.json}), {@code config} (job files), {@code
 * job}, {@code update} and {@code cron} (the verbs). Sub-packages never depend on this one. It
 * must not use the scheduler's internals (storage, scheduling).
 */
package io.aurora.server.client;
