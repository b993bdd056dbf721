/**
 * {@code aurora cron}: schedule a job from a job file that carries a {@code cronSchedule},
 * deschedule it, start a run now, and show its schedule, collision policy and next run time
 * ({@code CronShowCommand}, which takes the scheduler's cron time zone from {@code
 * --cron-timezone} because the API does not carry it). Commands reach the scheduler only through
 * {@link io.aurora.server.client.cli.ClientContext}.
 */
package io.aurora.server.client.cron;
