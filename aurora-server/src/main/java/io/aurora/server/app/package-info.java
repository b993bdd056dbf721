/**
 * The running scheduler daemon: the Dagger {@link io.aurora.server.app.SchedulerComponent} that
 * composes the library modules from the parsed flags, the thin {@code @Module}s that list their
 * bindings, and the {@link io.aurora.server.app.Lifecycle} that drives a process from replica
 * start through leadership to exit.
 *
 * <p>Wiring only: no scheduling, storage or log logic lives here. Third-party objects (Curator,
 * the meter registry, executors, the clock) come from {@link io.aurora.server.app.InfraModule}.
 */
package io.aurora.server.app;
