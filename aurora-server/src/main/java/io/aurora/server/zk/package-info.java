/**
 * The ZooKeeper client of the scheduler daemon and the in-process ZooKeeper server for {@code
 * -zk_in_proc}.
 *
 * <p>{@link io.aurora.server.zk.CuratorClientFactory} turns a {@link
 * io.aurora.server.zk.ZooKeeperConfig} into a started Curator client with Aurora's settings (retry
 * policy, ACLs, connection-state gauges) and a hook for session loss, on which the daemon exits.
 * {@link io.aurora.server.zk.EmbeddedZooKeeper} runs ZooKeeper's own embedded server; test
 * libraries (curator-test) must never be needed here.
 *
 * <p>This package knows nothing about elections or serversets ({@code io.aurora.server.discovery})
 * and must not import other Aurora packages.
 */
package io.aurora.server.zk;
