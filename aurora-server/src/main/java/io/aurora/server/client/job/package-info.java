/**
 * {@code aurora job} and {@code aurora task}: the job verbs (create from a job file, status, kill)
 * and the task list, each a method of its noun's command. They reach the scheduler only through
 * {@link io.aurora.server.client.cli.ClientContext}.
 */
package io.aurora.server.client.job;
