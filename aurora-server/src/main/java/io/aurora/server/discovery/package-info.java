/**
 * Leader election and the serverset: how schedulers agree on one leader and how everyone else finds
 * it, in Aurora's ZooKeeper layout under {@code -serverset_path}.
 *
 * <ul>
 *   <li>{@link io.aurora.server.discovery.LeaderElection}: Curator's {@code LeaderSelector} (lock
 *       nodes in the serverset directory); leadership ends only with the session.
 *   <li>{@link io.aurora.server.discovery.ServersetAnnouncer}: the leader's {@code member_<seq>}
 *       node, written only once the leader is ready to serve.
 *   <li>{@link io.aurora.server.discovery.ServersetMonitor}: watches the {@code member_} nodes;
 *       exactly one member is the leader, zero or several mean "unknown".
 *   <li>{@link io.aurora.server.discovery.ServersetCodec}: the JSON Aurora's clients read.
 * </ul>
 *
 * <p>It takes a started {@code CuratorFramework}; building that is {@code io.aurora.server.zk}'s
 * job. It must not import HTTP, Thrift service or scheduling code.
 */
package io.aurora.server.discovery;
