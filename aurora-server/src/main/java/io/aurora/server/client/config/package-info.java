/**
 * What {@code bin/aurora} reads from files: job files ({@link
 * io.aurora.server.client.config.JobFiles}; today the IDL's JSON, {@link
 * io.aurora.server.client.config.IdlJson}) and the update settings a job carries ({@link
 * io.aurora.server.client.config.UpdateConfig}).
 */
package io.aurora.server.client.config;
