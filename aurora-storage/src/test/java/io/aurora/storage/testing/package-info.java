/**
 * Test fixtures that aurora-storage shares with the modules above it through its test-jar
 * ({@code <type>test-jar</type>}, test scope): durable storages over an in-memory log, so that a
 * scheduling test exercises the real write path (group commit, recovery) without files or sockets.
 */
package io.aurora.storage.testing;
