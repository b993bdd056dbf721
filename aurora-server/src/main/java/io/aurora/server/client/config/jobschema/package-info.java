/**
 * Aurora's job schema as plain data, and the three things the client does with a job written in
 * it, none of which touch a file or the network: {@link
 * io.aurora.server.client.config.jobschema.SchemaReader} checks a JSON job against the schema
 * ({@link io.aurora.server.client.config.jobschema.JobSchema}) and fills in defaults, {@link
 * io.aurora.server.client.config.jobschema.Interpolator} resolves its {@code {{mustache}}}
 * references as pystachio scopes them, and {@link
 * io.aurora.server.client.config.jobschema.PythonJson} writes it back as Aurora's client's Python
 * writes JSON. Every mistake in a job is an {@code IllegalArgumentException} whose message names
 * the field's path; the {@code config} package turns it into a user-facing failure. This package
 * knows no Thrift type and no command.
 */
package io.aurora.server.client.config.jobschema;
