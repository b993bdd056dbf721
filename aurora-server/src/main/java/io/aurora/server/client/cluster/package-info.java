/**
 * {@code clusters.json} as Aurora's client reads it: where the files are ({@link
 * io.aurora.server.client.cluster.ClusterFiles}), what they hold ({@link
 * io.aurora.server.client.cluster.Clusters}) and one cluster's settings ({@link
 * io.aurora.server.client.cluster.ClusterConfig}). It reads files but talks to no scheduler or
 * ZooKeeper: the root package's connector does that with what this package returns. Every
 * problem is a {@code ClientFailure} with exit status 3 and one line naming the file.
 */
package io.aurora.server.client.cluster;
