/**
 * The Mesos boundary: {@link io.aurora.scheduling.mesos.Driver} (calls to the master) and
 * {@link io.aurora.scheduling.mesos.DriverListener} (events from it), in terms of the
 * {@code org.apache.mesos.v1} protobuf types of the {@code org.apache.mesos:mesos} jar.
 *
 * <p>Scheduling code depends only on these two interfaces. The v1 HTTP client lives in
 * {@code io.aurora.scheduling.mesos.http}; tests use {@code FakeDriver} from this module's test-jar.
 * This package does no IO and must not import {@code java.net} or HTTP libraries.
 */
package io.aurora.scheduling.mesos;
