/**
 * {@code /api}: the Thrift {@code AuroraAdmin} service over HTTP, wire-compatible with Aurora's
 * servlet. {@link io.aurora.http.api.ThriftProtocols} negotiates protocols from the headers,
 * {@link io.aurora.http.api.ThriftCall} runs one request through the processor in memory (no IO),
 * and {@link io.aurora.http.api.ThriftApiHandler} does the HTTP around it on a bounded worker pool.
 *
 * <p>Bad input never reaches the client as a stack trace or a bare 500: oversized bodies get 413,
 * unsupported media types 415, malformed Thrift and unknown methods 400, each with a text message.
 */
package io.aurora.http.api;
