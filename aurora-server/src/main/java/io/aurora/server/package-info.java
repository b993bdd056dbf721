/**
 * The scheduler daemon: {@link io.aurora.server.Main} parses the flags into {@link
 * io.aurora.server.ServerOptions} and (from issue 7 on) assembles and runs the scheduler.
 * Sub-packages: {@code flags} (the flag system), {@code bench} (the {@code aurora-bench} tools).
 */
package io.aurora.server;
