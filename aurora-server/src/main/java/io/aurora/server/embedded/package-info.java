/**
 * A whole scheduler in one object, for embedders:
 * {@link io.aurora.server.embedded.EmbeddedScheduler} owns a replicated log (one replica by
 * default), the durable storage over it, the Mesos v1 HTTP driver, the scheduling runtime, the
 * Thrift API and the threads they run on. It serves no HTTP, joins no ZooKeeper election and
 * parses no flags: a program that wants those runs the daemon ({@code io.aurora.server.Main}).
 * Everything it assembles stays public in its own module, for users who need another
 * arrangement. docs/embedding.md walks through it.
 */
package io.aurora.server.embedded;
