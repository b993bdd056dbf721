/**
 * {@code bin/aurora-bench}: {@link io.aurora.server.bench.BenchMain} runs one {@link
 * io.aurora.server.bench.Bench} per subcommand, found through {@link java.util.ServiceLoader}. A new
 * benchmark is one class here plus one line in
 * {@code META-INF/services/io.aurora.server.bench.Bench}, so issues that add benchmarks do not
 * collide. Every benchmark prints a human summary and ends with one JSON line for scripts.
 */
package io.aurora.server.bench;
