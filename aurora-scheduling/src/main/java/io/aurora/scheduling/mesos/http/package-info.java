/**
 * The Mesos v1 HTTP scheduler API client: {@link io.aurora.scheduling.mesos.http.HttpDriver}
 * implements {@link io.aurora.scheduling.mesos.Driver} over {@code java.net.http}, with master
 * discovery from {@code host:port} or ZooKeeper ({@link io.aurora.scheduling.mesos.http.MasterDetector}).
 * {@link io.aurora.scheduling.mesos.http.MesosEncoding} is shared with the embedded master.
 */
package io.aurora.scheduling.mesos.http;
