/**
 * The scheduler daemon: {@link io.aurora.server.Main} parses and checks the flags into {@link
 * io.aurora.server.ServerOptions}, has the flag groups build each module's option record
 * ({@code app.FlagMapping}), then assembles and runs the scheduler. Sub-packages: {@code flags}
 * (the flag system), {@code app} (the daemon's wiring), {@code bench} (the {@code aurora-bench}
 * tools).
 */
package io.aurora.server;
