/**
 * Java types generated from {@code aurora-api/src/main/thrift/api.thrift}: the scheduler's public
 * Thrift API, wire-compatible with Apache Aurora 0.22. Never edit: run
 * {@code aurora-api/generate-thrift.sh}. These structs are mutable; keep them at the edges.
 */
package io.aurora.gen;
