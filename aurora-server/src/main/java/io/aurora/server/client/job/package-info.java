/**
 * {@code aurora job} and {@code aurora task}: the job verbs Aurora's client has (create, kill,
 * killall, restart, add, status, list, inspect, diff, open), each a picocli command class, and the
 * task list. Waits follow Aurora's client: {@link io.aurora.server.client.job.TaskWaiter} for
 * creates, adds and kills, {@link io.aurora.server.client.job.RestartWatcher} for a rolling
 * restart. Commands reach the scheduler only through {@link
 * io.aurora.server.client.cli.ClientContext} and read job files only through {@code
 * client.config}.
 */
package io.aurora.server.client.job;
