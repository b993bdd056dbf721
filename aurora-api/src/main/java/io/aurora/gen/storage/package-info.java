/**
 * Java types generated from {@code aurora-api/src/main/thrift/storage.thrift}: log entries,
 * transactions of ops and snapshots. Never edit: run {@code aurora-api/generate-thrift.sh}.
 */
package io.aurora.gen.storage;
