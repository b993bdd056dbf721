/**
 * The web UI: server-rendered HTML pages at Aurora's paths ({@code /scheduler...}, {@code /updates})
 * and Aurora's operator pages ({@code /offers}, {@code /pendingtasks}, {@code /utilization},
 * {@code /quotas}, {@code /tiers}, {@code /agents}), plus the versioned static assets
 * ({@code /assets/ui/...}) they use.
 *
 * <p>Every page reads through the public Thrift API ({@link io.aurora.gen.AuroraAdmin.Iface}, the
 * same object {@code /api} serves) or through suppliers the server hands in; nothing here opens
 * storage. The pages never change anything.
 */
package io.aurora.http.ui;
