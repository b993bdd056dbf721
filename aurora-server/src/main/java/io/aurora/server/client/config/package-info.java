/**
 * What {@code bin/aurora} reads from job files, and the verb that only reads them ({@code config
 * list}, {@link io.aurora.server.client.config.ConfigCommand}). {@link
 * io.aurora.server.client.config.JobFiles} reads either form: Aurora's job JSON (read, checked,
 * tier-backfilled and converted as Aurora's client does: {@code AuroraJobs}, {@code
 * AuroraJobConverter}, {@code AuroraPorts}, on the schema of the {@code jobschema} sub-package)
 * or the IDL's JSON ({@link io.aurora.server.client.config.IdlJson}). {@link
 * io.aurora.server.client.config.AuroraJobJson} writes Aurora's form back; {@link
 * io.aurora.server.client.config.Bindings} fills {@code --bind} values; {@link
 * io.aurora.server.client.config.JobFileOptions} is the option mixin of every verb that reads a
 * file; {@link io.aurora.server.client.config.UpdateConfig} the update settings a job carries.
 */
package io.aurora.server.client.config;
