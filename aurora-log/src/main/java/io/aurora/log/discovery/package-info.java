/**
 * Replica group membership: which replicas exist and where they listen.
 *
 * <p>{@link io.aurora.log.discovery.ZooKeeperReplicaGroup} registers this replica as an ephemeral
 * sequential node under the group path ({@code -native_log_zk_group_path}) and watches the group;
 * {@link io.aurora.log.discovery.StaticReplicaGroup} serves a fixed list. The runtime uses the member
 * set to address peers and to check that the configured quorum is a majority.
 *
 * <p>Addresses are {@link io.aurora.log.transport.PeerAddress} values, the only thing this package
 * uses from the transport. It must not import {@code io.aurora.log.core}, {@code
 * io.aurora.log.runtime} or {@code io.aurora.log.storage}. ZooKeeper and Curator types appear only in
 * {@code ZooKeeperReplicaGroup}.
 */
package io.aurora.log.discovery;
