/**
 * {@code bin/aurora-bench}: {@link io.aurora.server.bench.BenchMain} runs one {@link
 * io.aurora.server.bench.Bench} per subcommand, found through {@link java.util.ServiceLoader}. A new
 * benchmark is one class here plus one line in
 * {@code META-INF/services/io.aurora.server.bench.Bench}, so issues that add benchmarks do not
 * collide. Every benchmark shares the same preamble ({@link io.aurora.server.bench.Bench#parseFlags}
 * for flags and help, {@link io.aurora.server.bench.ScratchDir} for its files), prints a human
 * summary and ends with one {@link io.aurora.server.bench.JsonLine} for scripts. Benchmarks that
 * need a replicated log start it with {@link io.aurora.server.bench.log.LogCluster}. Every
 * benchmark also takes {@code -runs=N} and {@code -evidence_dir=DIR} with no code of its own:
 * {@link io.aurora.server.bench.BenchMain} then runs it in child JVMs ({@code RepeatedRuns}) and
 * sums up their JSON lines ({@link io.aurora.server.bench.RunSummary}).
 */
package io.aurora.server.bench;
