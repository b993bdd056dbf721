/**
 * The Thrift TCP port ({@code -thrift_port}): the same {@code AuroraAdmin} service as {@code /api},
 * served over framed binary Thrift and published in the serverset as the {@code thrift} endpoint.
 *
 * <p>This package only serves an injected {@code AuroraAdmin.Iface}; the service itself lives in
 * aurora-scheduling and the HTTP transport in aurora-http. It must not import either.
 */
package io.aurora.server.thrift;
